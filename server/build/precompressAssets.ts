import { constants } from 'node:zlib'
import type { Plugin } from 'vite'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'

/** What is worth compressing: text, the manifest, the QR decoder's WebAssembly. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|wasm|txt)$/

/**
 * Writes `file.br` and `file.gz` next to every compressible file of the build, at the highest
 * levels (once per build, not per request), so the server sends a phone a third of the bytes
 * without compressing anything at run time (see server/http/precompressed.ts). Files under
 * 1 KB stay as they are: the headers would outweigh the saving.
 */
export function precompressAssets(): Plugin {
  return compression({
    include: COMPRESSIBLE,
    threshold: 1024,
    skipIfLargerOrEqual: true,
    deleteOriginalAssets: false,
    logLevel: 'silent',
    algorithms: [
      defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
      defineAlgorithm('gzip', { level: 9 }),
    ],
  })
}
