export interface DecodeLimits {
  /** Largest decompressed size accepted, in bytes. */
  maxDecompressedBytes: number;
}

export const DEFAULT_LIMITS: DecodeLimits = {
  maxDecompressedBytes: 256 * 1024 * 1024,
};
