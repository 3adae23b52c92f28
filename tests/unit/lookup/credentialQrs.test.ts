import { afterEach, describe, expect, it, vi } from 'vitest'
import { drawQr } from '../../../src/components/drawQr'
import { type LocalFiling, YidiDatabase } from '../../../src/db/database'
import { drawCredentialQrs, storedCredentialQr } from '../../../src/features/lookup/credentialQrs'

// A hook into drawing, so a test can change the filing while its QR is being drawn.
const drawing = vi.hoisted(() => ({ meanwhile: undefined as undefined | (() => Promise<void>) }))
vi.mock('../../../src/components/drawQr', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/components/drawQr')>()
  return {
    drawQr: async (text: string) => {
      const image = await real.drawQr(text)
      await drawing.meanwhile?.()
      return image
    },
  }
})

let database: YidiDatabase
afterEach(async () => {
  drawing.meanwhile = undefined
  await database.delete()
})

function filing(id: string, credential?: string): LocalFiling {
  return {
    id,
    status: credential ? 'synced' : 'pending',
    record: { filing: {} as never, holder: { name: '李四', idNumber: '220102195806010515' }, relation: 'own', ...(credential ? { credential } : {}) },
    updatedAt: '2026-12-04T00:00:00.000Z',
  }
}

describe('a filing\'s QR, drawn when its credential reaches the phone', () => {
  it('is drawn for each credential on the device and shown from then on', async () => {
    database = new YidiDatabase(`qr-${crypto.randomUUID()}`)
    await database.filings.bulkAdd([filing('a', 'YD1:FIRST'), filing('b', 'YD1:SECOND'), filing('c')])

    await drawCredentialQrs(database)

    expect(storedCredentialQr((await database.filings.get('a'))!)).toBe(await drawQr('YD1:FIRST'))
    expect(storedCredentialQr((await database.filings.get('b'))!)).toBe(await drawQr('YD1:SECOND'))
    expect((await database.filings.get('c'))!.credentialQr, 'a filing waiting for the server has no credential yet').toBeUndefined()
  })

  it('is not shown for a credential that changed since, and the new one is drawn', async () => {
    database = new YidiDatabase(`qr-${crypto.randomUUID()}`)
    await database.filings.add(filing('a', 'YD1:FIRST'))
    await drawCredentialQrs(database)
    await database.filings.update('a', { 'record.credential': 'YD1:CHANGED' })

    expect(storedCredentialQr((await database.filings.get('a'))!), 'the old QR would be refused at the counter').toBeUndefined()
    await drawCredentialQrs(database)
    expect(storedCredentialQr((await database.filings.get('a'))!)).toBe(await drawQr('YD1:CHANGED'))
  })

  it('keeps no QR of a credential that changed while it was drawn', async () => {
    database = new YidiDatabase(`qr-${crypto.randomUUID()}`)
    await database.filings.add(filing('a', 'YD1:FIRST'))
    drawing.meanwhile = async () => {
      drawing.meanwhile = undefined
      await database.filings.update('a', { 'record.credential': 'YD1:CHANGED' })
    }

    await drawCredentialQrs(database)

    const stored = (await database.filings.get('a'))!
    expect(stored.credentialQr).toBeUndefined()
    expect(storedCredentialQr(stored)).toBeUndefined()
  })

  it('draws nothing again for a credential already drawn', async () => {
    database = new YidiDatabase(`qr-${crypto.randomUUID()}`)
    await database.filings.add(filing('a', 'YD1:FIRST'))
    await drawCredentialQrs(database)
    const drawn = vi.fn(async () => {})
    drawing.meanwhile = drawn

    await drawCredentialQrs(database)

    expect(drawn).not.toHaveBeenCalled()
  })
})
