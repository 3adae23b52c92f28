/**
 * Base45 (RFC 9285): bytes as text made only of the 45 characters a QR code's alphanumeric mode
 * holds at 5.5 bits each, so a credential fills fewer modules than base64 in byte mode. Written
 * here rather than taken from npm: the packages there are small one-person projects, and the
 * whole algorithm is these few lines, tested against the RFC's own examples.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'

export function encodeBase45(bytes: Uint8Array): string {
  let text = ''
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    let value = bytes[index]! * 256 + bytes[index + 1]!
    for (let digit = 0; digit < 3; digit++) {
      text += ALPHABET[value % 45]
      value = Math.floor(value / 45)
    }
  }
  if (bytes.length % 2 === 1) {
    const value = bytes.at(-1)!
    text += ALPHABET[value % 45]! + ALPHABET[Math.floor(value / 45)]!
  }
  return text
}

/** The bytes of a Base45 text; throws RangeError on a character or length Base45 never makes. */
export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1)
    throw new RangeError('base45 text has an impossible length')
  const bytes = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0))
  let out = 0
  for (let index = 0; index < text.length; index += 3) {
    const chunk = text.slice(index, index + 3)
    let value = 0
    for (let digit = chunk.length - 1; digit >= 0; digit--) {
      const position = ALPHABET.indexOf(chunk[digit]!)
      if (position < 0)
        throw new RangeError('not a base45 character')
      value = value * 45 + position
    }
    if (chunk.length === 3) {
      if (value > 0xFFFF)
        throw new RangeError('base45 group out of range')
      bytes[out++] = value >> 8
      bytes[out++] = value & 0xFF
    }
    else {
      if (value > 0xFF)
        throw new RangeError('base45 group out of range')
      bytes[out++] = value
    }
  }
  return bytes
}
