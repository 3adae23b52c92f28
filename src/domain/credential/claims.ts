import { z } from 'zod/v4'
import { normalizeIdNumber } from '../identity/idNumber'
import { calendarDateSchema, categorySchema, insuranceTypeSchema, instantSchema, regionCodeSchema, text } from '../schemas/fields'

/** Version of the claims layout; bump it when a field changes meaning. */
export const CREDENTIAL_CLAIMS_VERSION = 2

/** Claims of the first layout (JSON in a JWS, with a salted SHA-256); still verified until they expire. */
export const LEGACY_CLAIMS_VERSION = 1

const sharedClaims = {
  filingNumber: text('备案编号', 40),
  /** 姓名 masked with `maskName` (`张*`). */
  maskedName: z.string().min(1).max(30).regex(/^\S\**$/u, '姓名应已遮盖'),
  category: categorySchema,
  /** 险种: a filing of another insurance relationship does not count (Jilin 第十四条). */
  insuranceType: insuranceTypeSchema,
  insuredRegion: regionCodeSchema('参保地'),
  destination: regionCodeSchema('就医地'),
  validFrom: calendarDateSchema,
  /** Last valid day at issuance (a waiting promise's deadline included); null: long-term. */
  validTo: calendarDateSchema.nullable(),
  /** True while a promise filing still waits for its materials. */
  promise: z.boolean(),
  /** A one-visit referral (Hebei 第九条); once used it appears on the revocation list. */
  oneVisit: z.boolean(),
  /**
   * 医疗机构代码 of the hospital that referred (湛江 二(六) pays some at the local rate). Credentials
   * issued before codes carried the hospital's name in `referredBy` instead.
   */
  referredByCode: z.string().regex(/^H\d{11}$/, '转诊医院代码格式不正确').optional(),
  referredBy: z.string().max(60).optional(),
  /** Id of the Ed25519 key that signed it (`GET /api/keys`). */
  keyId: text('密钥编号', 64),
  issuedAt: instantSchema,
}

/**
 * The signed content of a filing credential (DESIGN §3.5, issue 6), shown as a QR code and
 * checked offline by a counter. It holds no 身份证号码 and nothing a phone can test a guess
 * against: `idTag` is an HMAC keyed by a secret only signed-in counters hold (idTag.ts).
 */
export const filingCredentialClaimsSchema = z.object({
  v: z.literal(CREDENTIAL_CLAIMS_VERSION),
  ...sharedClaims,
  /** base64url of the first 8 bytes of HMAC-SHA256 over `idTagInput(...)`. */
  idTag: z.string().regex(/^[\w-]{11}$/, '身份证号码摘要格式不正确'),
})

/**
 * The first layout, a salted SHA-256 of the number beside its salt: a guess is checked in
 * microseconds, so it is no longer issued, only accepted until such credentials expire.
 */
export const legacyCredentialClaimsSchema = z.object({
  v: z.literal(LEGACY_CLAIMS_VERSION),
  ...sharedClaims,
  /** hex SHA-256 of `idHashInput(idSalt, idNumber)`. */
  idHash: z.string().regex(/^[0-9a-f]{64}$/, '身份证号码摘要格式不正确'),
  idSalt: z.string().regex(/^[\w-]{22,}$/, '摘要盐值格式不正确'),
})

export type FilingCredentialClaims = z.infer<typeof filingCredentialClaimsSchema>
export type LegacyCredentialClaims = z.infer<typeof legacyCredentialClaimsSchema>
/** Either layout, as a counter reads it. */
export type AnyCredentialClaims = FilingCredentialClaims | LegacyCredentialClaims

/** Domain-separation prefix of the legacy ID hash input. */
export const ID_HASH_PREFIX = 'yidi:id-hash:v1'

/**
 * The exact string whose UTF-8 bytes are hashed with SHA-256 for `idHash`:
 * `yidi:id-hash:v1:<salt>:<normalised 18-character number>`. The caller does the hashing (no
 * crypto in the rulebook); both the server and the counter build the input here.
 */
export function idHashInput(salt: string, idNumber: string): string {
  if (!/^[\w-]+$/.test(salt))
    throw new RangeError('salt must be base64url')
  return `${ID_HASH_PREFIX}:${salt}:${normalizeIdNumber(idNumber)}`
}
