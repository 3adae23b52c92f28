/**
 * A QR code of `text` as an image the page can show: an SVG data URL, a string with no canvas to
 * paint. Error correction M, as the counter's scanners are tested with. The encoder (9 KB) is
 * fetched on the first call only, so a screen that shows a QR drawn beforehand does not load it.
 */
export async function drawQr(text: string): Promise<string> {
  const { toString } = await import('qrcode')
  const svg = await toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
