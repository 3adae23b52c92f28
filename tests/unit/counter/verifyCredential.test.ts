import { createHmac, randomBytes } from 'node:crypto'
import { CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeClaims } from '../../../src/domain/credential/cborClaims'
import { type FilingCredentialClaims, idHashInput } from '../../../src/domain/credential/claims'
import { decodeCompactCredential, encodeCompactCredential, protectedHeader, toBeSigned } from '../../../src/domain/credential/coseSign1'
import { idTagInput } from '../../../src/domain/credential/idTag'
import { generateIdNumber } from '../../../src/domain/identity/idNumberGenerator'
import { scannedResult } from '../../../src/features/counter/verify/admissionResult'
import { type AdmissionFacts, checkCredential, readCredential, type VerifierData, verifyCredential } from '../../../src/features/counter/verify/verifyCredential'

const HOLDER = generateIdNumber({ regionCode: '530102', birthDate: '1955-04-01', sequence: 21, sex: 'male' })
const SALT = 'c2FsdHNhbHRzYWx0c2FsdA'
const NOW = new Date('2026-11-24T02:00:00Z')
const KID = '0b9f4c1e-6a2d-4f7e-9c3b-1d2e3f405060'
// The 广东 (就医地 440100) counters' key, as GET /api/counter/credential-keys serves it.
const GUANGDONG_KEY = randomBytes(32)

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map(byte => byte.toString(16).padStart(2, '0')).join('')
}

let privateKey: CryptoKey
let data: VerifierData
beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  privateKey = pair.privateKey
  data = {
    keys: [{ ...await exportJWK(pair.publicKey), kid: KID, alg: 'EdDSA', use: 'sig' } as JWK & { kid: string }],
    revokedAt: {},
    holds: {},
    revocationsFetchedAt: '2026-11-24T01:00:00Z',
    idTagKeys: { 440000: GUANGDONG_KEY.toString('base64url') },
  }
})

const baseClaims = {
  filingNumber: 'YD530000-20261101-0001',
  maskedName: '张*',
  category: 'long_term_resident',
  insuranceType: 'employee',
  insuredRegion: '530100',
  destination: '440100',
  validFrom: '2026-11-01',
  validTo: null,
  promise: false,
  oneVisit: false,
  keyId: KID,
  issuedAt: '2026-11-01T03:00:00.000Z',
} as const

/** A `YD1:` credential as the server issues it, tagged with the 广东 key unless told otherwise. */
async function credential(overrides: Partial<FilingCredentialClaims> = {}, key = privateKey, tagKey = GUANGDONG_KEY): Promise<string> {
  const claims = { ...baseClaims, ...overrides }
  const idTag = createHmac('sha256', tagKey).update(idTagInput(claims.filingNumber, claims.issuedAt, HOLDER)).digest().subarray(0, 8).toString('base64url')
  const header = protectedHeader(KID)
  const payload = encodeClaims({ v: 2, idTag, ...claims } as FilingCredentialClaims)
  const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', key, toBeSigned(header, payload) as BufferSource))
  return encodeCompactCredential(header, payload, signature)
}

/** A first-layout credential (JSON claims in a JWS, salted SHA-256), as issued before `YD1:`. */
async function legacyCredential(header: Record<string, string> = {}): Promise<string> {
  const claims = { ...baseClaims, v: 1, idHash: await sha256Hex(idHashInput(SALT, HOLDER)), idSalt: SALT }
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'EdDSA', kid: KID, typ: 'yidi-filing+jws', ...header })
    .sign(privateKey)
}

const facts = (overrides: Partial<AdmissionFacts> = {}): AdmissionFacts =>
  ({ hospitalCity: '440100', admissionDate: '2026-11-24', admissionType: 'normal', idNumber: HOLDER, now: NOW, ...overrides })

describe('offline verification of a filing QR', () => {
  it('Yunnan 第十二条: a signed, unrevoked filing for this city settles directly (可直接结算)', async () => {
    const result = await verifyCredential(await credential(), data, facts())
    expect(result).toMatchObject({ kind: 'checked', outcome: 'valid', revoked: false, impersonation: false, ratioCutPoints: 0, warnings: [] })
  })

  it('Hebei 第十九条: a filing whose benefits the registry froze answers 待遇冻结 offline, never 可直接结算, and a restored one settles again', async () => {
    const token = await credential()
    const frozen = await verifyCredential(token, { ...data, holds: { 'YD530000-20261101-0001': 'frozen' } }, facts())
    expect(frozen).toMatchObject({ kind: 'checked', outcome: 'frozen', revoked: false })
    expect(frozen.kind === 'checked' && frozen.notes.map(note => note.code)).toContain('benefits_frozen')
    const paused = await verifyCredential(token, { ...data, holds: { 'YD530000-20261101-0001': 'suspended' } }, facts())
    expect(paused).toMatchObject({ outcome: 'frozen' })
    expect(paused.kind === 'checked' && paused.notes.map(note => note.code)).toContain('benefits_suspended')
    expect(await verifyCredential(token, data, facts())).toMatchObject({ outcome: 'valid' })
  })

  it('a payload changed after signing (another 就医地) fails the signature check', async () => {
    const genuine = decodeCompactCredential(await credential())
    const tampered = encodeClaims({ v: 2, idTag: 'AAAAAAAAAAA', ...baseClaims, destination: '440300' } as FilingCredentialClaims)
    const result = await verifyCredential(encodeCompactCredential(genuine.header, tampered, genuine.signature), data, facts({ hospitalCity: '440300' }))
    expect(result).toMatchObject({ kind: 'refused', code: 'bad_signature' })
  })

  it('a credential issued before the compact QR (a JWS with a salted hash) still verifies until it expires', async () => {
    expect(await verifyCredential(await legacyCredential(), data, facts())).toMatchObject({ kind: 'checked', outcome: 'valid', impersonation: false })
    const someoneElse = generateIdNumber({ regionCode: '530102', birthDate: '1960-01-01', sequence: 33, sex: 'female' })
    expect(await verifyCredential(await legacyCredential(), data, facts({ idNumber: someoneElse }))).toMatchObject({ impersonation: true })
    expect(await verifyCredential(await legacyCredential({ kid: 'k9' }), data, facts())).toMatchObject({ code: 'unknown_key' })
    expect(await verifyCredential(await legacyCredential({ typ: 'JWT' }), data, facts())).toMatchObject({ code: 'malformed' })
  })

  it('a key the counter does not know is named, not trusted', async () => {
    const result = await verifyCredential(await credential(), { ...data, keys: [] }, facts())
    expect(result).toMatchObject({ kind: 'refused', code: 'unknown_key', message: expect.stringContaining('联网更新密钥') })
  })

  it('a credential signed by another key fails', async () => {
    const other = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
    expect(await verifyCredential(await credential({}, other.privateKey), data, facts())).toMatchObject({ code: 'bad_signature' })
  })

  it('a QR of something else is refused as not a filing credential', async () => {
    expect(await verifyCredential('https://example.com/not-a-credential', data, facts())).toMatchObject({ code: 'malformed' })
    expect(await verifyCredential('YD1:not base45 at all!', data, facts())).toMatchObject({ code: 'malformed' })
  })

  it('revoked after issue → 已撤销 and no direct settlement; revoked before issue (an earlier version) → still valid', async () => {
    const token = await credential()
    const later = await verifyCredential(token, { ...data, revokedAt: { 'YD530000-20261101-0001': '2026-11-10T00:00:00Z' } }, facts())
    expect(later).toMatchObject({ outcome: 'none', revoked: true })
    expect(later.kind === 'checked' && later.notes[0]?.message).toMatch(/已撤销/)
    const earlier = await verifyCredential(token, { ...data, revokedAt: { 'YD530000-20261101-0001': '2026-10-01T00:00:00Z' } }, facts())
    expect(earlier).toMatchObject({ outcome: 'valid', revoked: false })
  })

  it('DOMAIN §8 冒用: another 身份证号码 than the holder\'s stops the admission', async () => {
    const someoneElse = generateIdNumber({ regionCode: '530102', birthDate: '1960-01-01', sequence: 33, sex: 'female' })
    const result = await verifyCredential(await credential(), data, facts({ idNumber: someoneElse }))
    expect(result).toMatchObject({ outcome: 'none', impersonation: true })
    expect(result.kind === 'checked' && result.notes[0]?.message).toMatch(/疑似冒用/)
  })

  it('DOMAIN §8 冒用: a tag made without the counters\' key (by the phone, or a forger) never matches the holder', async () => {
    const guessedKey = Buffer.alloc(32)
    const result = await verifyCredential(await credential({}, privateKey, guessedKey), data, facts())
    expect(result).toMatchObject({ outcome: 'none', impersonation: true })
  })

  it('a counter without its province\'s key says the number was not compared, never that it matched', async () => {
    const result = await verifyCredential(await credential(), { ...data, idTagKeys: {} }, facts())
    expect(result).toMatchObject({ kind: 'checked', impersonation: false, identityChecked: false })
    expect(result.kind === 'checked' && result.warnings.join()).toMatch(/未能离线核对身份证号码/)
  })

  it('an invalid 身份证号码 typed at the counter is refused with its own message', async () => {
    expect(await verifyCredential(await credential(), data, facts({ idNumber: '110105194912310021' }))).toMatchObject({ code: 'invalid_id_number' })
  })

  it('national 二(四): a filing for another city does not settle here', async () => {
    expect(await verifyCredential(await credential(), data, facts({ hospitalCity: '440300' }))).toMatchObject({ outcome: 'none' })
  })

  it('Jilin 第二十六条: an emergency at a hospital the filing does not cover is deemed filed', async () => {
    expect(await verifyCredential(await credential(), data, facts({ hospitalCity: '440300', admissionType: 'emergency' }))).toMatchObject({ outcome: 'deemed' })
  })

  it('an admission before the filing starts, or after it ends, does not settle directly', async () => {
    const temporary = await credential({ category: 'other_temporary', validFrom: '2026-05-01', validTo: '2026-10-31' })
    expect(await verifyCredential(temporary, data, facts())).toMatchObject({ outcome: 'none' })
    expect(await verifyCredential(temporary, data, facts({ admissionDate: '2026-04-30' }))).toMatchObject({ outcome: 'none' })
    expect(await verifyCredential(temporary, data, facts({ admissionDate: '2026-10-31' }))).toMatchObject({ outcome: 'valid', ratioCutPoints: 20 })
  })

  it('a revocation list older than 24 hours warns on the result instead of passing silently', async () => {
    const stale = await verifyCredential(await credential(), { ...data, revocationsFetchedAt: '2026-11-22T23:00:00Z' }, facts())
    expect(stale).toMatchObject({ outcome: 'valid', warnings: [expect.stringContaining('超过24小时')] })
    const never = await verifyCredential(await credential(), { ...data, revocationsFetchedAt: undefined }, facts())
    expect(never).toMatchObject({ warnings: [expect.stringContaining('尚未下载撤销名单')] })
  })
})

describe('the QR path at the counter: scan first, then read the 身份证 (issue 17)', () => {
  it('a scan alone is read and shows what the credential says (姓名 as it holds it, 参保地, 就医地, category, dates), with no outcome until the 身份证 is read', async () => {
    const read = await readCredential(await credential(), data)
    expect(read.kind).toBe('read')
    const card = scannedResult((read as Extract<typeof read, { kind: 'read' }>).claims)
    expect(card).toMatchObject({ awaitingId: true, maskedIdentity: '张*', filing: { insuredRegion: '530100', destination: '440100', category: 'long_term_resident', startDate: '2026-11-01', endDate: null } })
  })

  it('a scan alone still refuses a QR signed by another key, before any 身份证 is read', async () => {
    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
    expect(await readCredential(await credential({}, stranger.privateKey), data)).toMatchObject({ kind: 'refused', code: 'bad_signature' })
  })

  it('DOMAIN §8 冒用: the 身份证 read after the scan finishes the check: the holder settles, another number is stopped', async () => {
    const read = await readCredential(await credential(), data)
    if (read.kind !== 'read')
      throw new Error('the credential should read')
    expect(await checkCredential(read.claims, data, facts())).toMatchObject({ kind: 'checked', outcome: 'valid', impersonation: false })
    const other = generateIdNumber({ regionCode: '530102', birthDate: '1960-02-02', sequence: 33, sex: 'female' })
    expect(await checkCredential(read.claims, data, facts({ idNumber: other }))).toMatchObject({ kind: 'checked', impersonation: true, outcome: 'none' })
  })
})
