import { COUNTER, COUNTER_PASSWORD } from './signIn.ts'
import { TRAVELLER } from './seedFiling.ts'

async function call(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  if (!response.ok)
    throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`)
  return response.json() as Promise<Record<string, unknown>>
}

/**
 * The 昆明 counter admits the traveller (insured in 长春, 吉林) with no filing and records the
 * discharge without direct settlement, through the API as a hospital system would. Returns the
 * last day to claim by hand (Jilin 第十五条) the server answered.
 */
export async function seedUnsettledStay(app: { url: string, addStaff: (account: typeof COUNTER) => Promise<string> }): Promise<string> {
  const api = `${app.url}/api`
  const oneTimePassword = await app.addStaff(COUNTER)
  const { token: first } = await call(`${api}/auth/staff/login`, { username: COUNTER.username, password: oneTimePassword }) as { token: string }
  await call(`${api}/auth/staff/password`, { currentPassword: oneTimePassword, newPassword: COUNTER_PASSWORD }, first)
  const { token } = await call(`${api}/auth/staff/login`, { username: COUNTER.username, password: COUNTER_PASSWORD }) as { token: string }
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const admissionId = crypto.randomUUID()
  const envelope = (type: string, payload: unknown) => ({ id: crypto.randomUUID(), type, payload, createdAt: new Date().toISOString() })
  const reply = await call(`${api}/sync`, {
    deviceId: 'seed-counter',
    actions: [
      envelope('admission.record', { admissionId, idNumber: TRAVELLER.idNumber, name: TRAVELLER.name, admissionDate: today, admissionType: 'normal', traumaFlag: false, thirdPartyFlag: false, outcome: 'none' }),
      envelope('admission.discharge', { admissionId, dischargedOn: today }),
    ],
  }, token) as { results: { status: string, result?: { claimDeadline: string } }[] }
  const discharged = reply.results[1]
  if (discharged?.status !== 'applied' || !discharged.result)
    throw new Error(`seed stay not applied: ${JSON.stringify(reply.results)}`)
  return discharged.result.claimDeadline
}
