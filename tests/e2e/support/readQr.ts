import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Locator } from '@playwright/test'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'

const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'))
prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true })

/** The text of the QR code an element shows, read from its pixels as a scanner reads it. */
export async function readQr(element: Locator): Promise<string | undefined> {
  const [code] = await readBarcodes(new Blob([new Uint8Array(await element.screenshot())]), { formats: ['QRCode'] })
  return code?.text
}
