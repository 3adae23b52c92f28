import { db } from '../../db/database'

/** Largest file kept per material, after compression on the device. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024

/** The screen says so in the person's language (materials.tooLarge); the message is for logs. */
export class AttachmentTooLargeError extends Error {}

/**
 * Keeps a proof photo or PDF on the device for upload: photos are shrunk here (weak networks,
 * small phones), PDFs kept as they are. Returns the attachment id the material refers to.
 */
export async function storeAttachment(file: File, onProgress?: (percent: number) => void): Promise<string> {
  let blob: Blob = file
  if (file.type.startsWith('image/')) {
    const { default: compress } = await import('browser-image-compression')
    // No web worker: the library would fetch its worker script from a CDN, which CSP and no signal forbid.
    blob = await compress(file, { maxSizeMB: 1.5, maxWidthOrHeight: 2400, useWebWorker: false, fileType: 'image/jpeg', ...(onProgress ? { onProgress } : {}) })
  }
  if (blob.size > MAX_ATTACHMENT_BYTES)
    throw new AttachmentTooLargeError(`${blob.size} bytes after compression, over ${MAX_ATTACHMENT_BYTES}`)
  const id = crypto.randomUUID()
  await db.attachments.add({ id, blob, mime: blob.type || file.type, name: file.name, size: blob.size, createdAt: new Date().toISOString() })
  return id
}
