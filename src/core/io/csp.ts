/**
 * The app's Content-Security-Policy: its own scripts only (plus WebAssembly for the graph layout),
 * no plugins, no <base>, no forms. Profile URLs and source files may be fetched from any origin the
 * user names. The built index.html carries it in a meta tag; `parkview` also sends it as a header,
 * with `frame-ancestors` (which a meta tag cannot carry).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  'connect-src * data: blob:',
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers `parkview` sends with every answer: the policy, no framing, no type sniffing, no referrer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
