import { generateIdNumber } from '../../../src/domain/identity/idNumberGenerator.ts'

/** A person insured in 长春 who travels to 昆明 (the e2e counter's city). */
export const TRAVELLER = { idNumber: generateIdNumber({ regionCode: '220102', birthDate: '1958-06-01', sequence: 51, sex: 'male' }), name: '李四', phone: '13912345678' }

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  if (!response.ok)
    throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`)
  return response.json() as Promise<Record<string, unknown>>
}

/**
 * Files a temporary trip for the traveller through the API, as their phone would, and returns
 * its QR credential and a way to cancel it (which revokes the credential).
 */
export async function seedFiling(baseUrl: string): Promise<{ filingId: string, credential: string, cancel: () => Promise<void>, changePhone: (phone: string) => Promise<string> }> {
  const api = `${baseUrl}/api`
  const started = await post(`${api}/auth/insured/start`, TRAVELLER)
  const { token } = await post(`${api}/auth/insured/verify`, { challengeId: started.challengeId, code: started.devCode }) as { token: string }
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const filingId = crypto.randomUUID()
  const send = (type: string, payload: unknown) => post(`${api}/sync`, { deviceId: 'seed', actions: [{ id: crypto.randomUUID(), type, payload, createdAt: new Date().toISOString() }] }, token)
  const reply = await send('filing.create', {
    filingId,
    ...TRAVELLER,
    sex: 'male',
    insuranceType: 'employee',
    category: 'other_temporary',
    insuredRegion: '220100',
    homeAddress: '吉林省长春市南关区人民大街1号',
    address: '云南省昆明市五华区翠湖南路3号',
    destination: '530100',
    startDate: today,
    filledOn: today,
  }) as { results: { status: string, result: { credential: string } }[] }
  if (reply.results[0]?.status !== 'applied')
    throw new Error(`seed filing not applied: ${JSON.stringify(reply.results[0])}`)
  return {
    filingId,
    credential: reply.results[0].result.credential,
    cancel: async () => {
      await send('filing.cancel', { filingId, requestedOn: today })
    },
    // As another phone of the same person would change it; the filing's new credential.
    changePhone: async (phone) => {
      const changed = await send('filing.change', { filingId, changes: { phone }, filledOn: today }) as { results: { result: { credential: string } }[] }
      return changed.results[0]!.result.credential
    },
  }
}
