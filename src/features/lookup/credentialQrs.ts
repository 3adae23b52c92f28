import { drawQr } from '../../components/drawQr'
import type { LocalFiling, YidiDatabase } from '../../db/database'

/** The filing's QR as drawn beforehand, if it draws the credential the filing has now. */
export function storedCredentialQr(local: LocalFiling): string | undefined {
  const { credentialQr } = local
  return credentialQr && credentialQr.credential === local.record.credential ? credentialQr.image : undefined
}

/**
 * Draws the QR of every filing on the device whose credential has none yet, one filing per task,
 * so the filing's page can show it at once (encoding a credential takes a phone tens of
 * milliseconds, more the first time). A credential that changes while its QR is drawn keeps
 * no stale picture: the QR is stored only beside the credential it draws.
 */
export async function drawCredentialQrs(database: YidiDatabase): Promise<void> {
  const undrawn = (await database.filings.toArray()).flatMap(({ id, record: { credential }, credentialQr }) =>
    credential && credentialQr?.credential !== credential ? [{ id, credential }] : [])
  for (const { id, credential } of undrawn) {
    const image = await drawQr(credential)
    await database.filings.where('id').equals(id).modify((local) => {
      if (local.record.credential === credential)
        local.credentialQr = { credential, image }
    })
    await new Promise(resolve => setTimeout(resolve, 0))
  }
}
