/**
 * The Content-Security-Policy of every response. The built PWA loads only its own scripts,
 * styles, worker and manifest; images may be data:/blob: URLs (QR codes, signatures).
 * Change it here only when the built app needs it, and say why next to the source.
 */
export const contentSecurityPolicyDirectives: Record<string, string[]> = {
  'default-src': [`'self'`],
  // WebAssembly compilation only (not eval): the QR decoder polyfill for counter cameras.
  'script-src': [`'self'`, `'wasm-unsafe-eval'`],
  'style-src': [`'self'`],
  'img-src': [`'self'`, 'data:', 'blob:'],
  'connect-src': [`'self'`],
  'worker-src': [`'self'`],
  'manifest-src': [`'self'`],
  'font-src': [`'self'`, 'data:'],
  'object-src': [`'none'`],
  'base-uri': [`'self'`],
  'frame-ancestors': [`'none'`],
  'form-action': [`'self'`],
}
