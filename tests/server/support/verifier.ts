import type { Express } from 'express'
import request from 'supertest'
import type { VerifierData } from '../../../src/features/counter/verify/verifyCredential.ts'

/** What a signed-in counter caches for offline checks, fetched from the app like the device does. */
export async function verifierDataFor(app: Express, counterToken: string): Promise<VerifierData> {
  const { keys } = (await request(app).get('/api/keys')).body as Pick<VerifierData, 'keys'>
  const tagKeys = (await request(app).get('/api/counter/credential-keys').set('authorization', `Bearer ${counterToken}`)).body as { keys: { province: string, key: string }[] }
  return { keys, revokedAt: {}, holds: {}, revocationsFetchedAt: new Date().toISOString(), idTagKeys: Object.fromEntries(tagKeys.keys.map(entry => [entry.province, entry.key])) }
}
