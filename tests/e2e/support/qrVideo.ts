import { writeFileSync } from 'node:fs'
import QRCode from 'qrcode'

/**
 * Writes a Y4M video showing `text` as a QR code, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): grey levels in the Y plane, neutral colour planes.
 */
export function writeQrVideo(path: string, text: string): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = 720
  const scale = Math.floor(size / (modules.size + 8))
  const offset = Math.floor((size - modules.size * scale) / 2)
  const luma = Buffer.alloc(size * size, 235)
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col))
        continue
      for (let y = 0; y < scale; y++)
        luma.fill(16, (offset + row * scale + y) * size + offset + col * scale, (offset + row * scale + y) * size + offset + (col + 1) * scale)
    }
  }
  const chroma = Buffer.alloc((size / 2) * (size / 2), 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma])
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${size} H${size} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]))
}
