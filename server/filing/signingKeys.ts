import { createPrivateKey, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto'
import type { JWK } from 'jose'
import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'
import { idTagSecret } from './idTagKeys.ts'

/** What issuing a credential needs: the Ed25519 key that signs, and the secret its ID tag derives from. */
export interface SigningKey {
  kid: string
  privateKey: KeyObject
  idTagSecret: Buffer
}

/** A public key as `GET /api/keys` lists it (RFC 7517). */
export type PublicJwk = JWK & { kid: string, alg: 'EdDSA', use: 'sig' }

/**
 * The newest Ed25519 key that signs credentials, made on first use and kept in the database so
 * every instance signs with it and counters' cached public keys stay valid across restarts.
 */
export async function currentSigningKey(db: Kysely<Database>): Promise<SigningKey> {
  const existing = await db.selectFrom('signing_keys').select(['kid', 'private_jwk']).orderBy('created_at', 'desc').limit(1).executeTakeFirst()
  if (existing)
    return { kid: existing.kid, privateKey: createPrivateKey({ key: JSON.parse(existing.private_jwk) as JWK & { kty: string }, format: 'jwk' }), idTagSecret: await idTagSecret(db) }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const kid = randomUUID()
  await db.insertInto('signing_keys').values({
    kid,
    private_jwk: JSON.stringify(privateKey.export({ format: 'jwk' })),
    public_jwk: JSON.stringify({ ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' }),
    created_at: new Date().toISOString(),
  }).onConflict(conflict => conflict.column('kid').doNothing()).execute()
  return currentSigningKey(db)
}

export async function publicKeys(db: Kysely<Database>): Promise<PublicJwk[]> {
  const rows = await db.selectFrom('signing_keys').select('public_jwk').orderBy('created_at').execute()
  return rows.map(row => JSON.parse(row.public_jwk) as PublicJwk)
}
