export interface DetectedBarcode { rawValue: string }
export interface QrDetector { detect: (source: HTMLVideoElement) => Promise<DetectedBarcode[]> }
type DetectorConstructor = new (options: { formats: string[] }) => QrDetector

/**
 * A QR detector for the camera: the browser's own BarcodeDetector where it has one (Chromium on
 * Android and macOS), else the ZXing WebAssembly polyfill, loaded only now and served from this
 * app (its default would fetch the wasm from a CDN, which neither the CSP nor a dead network allow).
 */
export async function createQrDetector(): Promise<QrDetector> {
  const native = (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector
  if (native)
    return new native({ formats: ['qr_code'] })
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/pure'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ])
  prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } })
  return new BarcodeDetector({ formats: ['qr_code'] }) as QrDetector
}
