import { isStdlibPackage, packageOf } from '../model/go-packages';

/**
 * Colour classes of frames by package: one hue per package, chosen by a stable hash of its import
 * path (the same package gets the same colour in every profile and session), with the runtime and
 * the standard library in muted classes of their own.
 */
export const CLASS_RUNTIME = 0;
export const CLASS_STDLIB = 1;
export const CLASS_LABEL = 2;
/** First of the hashed package classes. */
export const CLASS_PACKAGE = 3;
export const PACKAGE_HUES = 24;

export function isRuntime(pkg: string): boolean {
  return pkg === 'runtime' || pkg.startsWith('runtime/') || pkg.startsWith('internal/runtime/');
}

/** FNV-1a, for hues that stay the same across sessions. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function packageClass(name: string): number {
  const pkg = packageOf(name);
  if (isRuntime(pkg)) return CLASS_RUNTIME;
  if (isStdlibPackage(pkg)) return CLASS_STDLIB;
  return CLASS_PACKAGE + (stableHash(pkg) % PACKAGE_HUES);
}

/** Colour class of each name; names from `labelFrom` on are label pseudo-frames. */
export function nameClasses(names: readonly string[], labelFrom = names.length): Uint8Array {
  const out = new Uint8Array(names.length);
  for (let i = 0; i < names.length; i++) out[i] = i >= labelFrom ? CLASS_LABEL : packageClass(names[i]);
  return out;
}
