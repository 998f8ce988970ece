export interface DecodeLimits {
  /** Largest decompressed size accepted, in bytes. */
  maxDecompressedBytes: number;
}

export const DEFAULT_LIMITS: DecodeLimits = {
  maxDecompressedBytes: 256 * 1024 * 1024,
};

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${+(n / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
