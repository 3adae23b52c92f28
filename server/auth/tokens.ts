import { createHash } from 'node:crypto'
import { EncryptJWT, jwtDecrypt } from 'jose'
import type { TokenSubject } from './caller.ts'

export interface IssuedToken {
  token: string
  expiresAt: string
}

export interface TokenService {
  issue: (caller: TokenSubject, now: Date) => Promise<IssuedToken>
  /** The caller of a valid, unexpired token; undefined otherwise. */
  read: (token: string, now: Date) => Promise<TokenSubject | undefined>
}

// Phones stay signed in for a month; a counter or agency desk session ends with the shift.
const LIFETIME_SECONDS: Record<TokenSubject['role'], number> = { insured: 30 * 24 * 3600, counter: 12 * 3600, agency: 12 * 3600 }
const LONGEST_LIFETIME_SECONDS = Math.max(...Object.values(LIFETIME_SECONDS))

/**
 * Session tokens as encrypted JWTs (A256GCM, key derived from the server's secret): stateless, so
 * any instance behind a load balancer accepts them, and opaque, so the 身份证号码 inside is not
 * readable from a copied token.
 */
export function createTokenService(secret: string): TokenService {
  const key = createHash('sha256').update(`yidi:session:${secret}`).digest()
  return {
    async issue(caller, now) {
      const expires = Math.floor(now.getTime() / 1000) + LIFETIME_SECONDS[caller.role]
      const token = await new EncryptJWT({ caller })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(expires)
        .encrypt(key)
      return { token, expiresAt: new Date(expires * 1000).toISOString() }
    },
    async read(token, now) {
      try {
        // A token issued "in the future" comes from an instance whose clock is off: refused, with
        // a minute's tolerance for ordinary drift between instances.
        const { payload } = await jwtDecrypt(token, key, { currentDate: now, maxTokenAge: LONGEST_LIFETIME_SECONDS, clockTolerance: 60 })
        return payload.caller as TokenSubject
      }
      catch {
        return undefined
      }
    },
  }
}

/** A token service whose secret is looked up on first use (it may live in the database). */
export function deferredTokenService(secret: () => Promise<string>): TokenService {
  let service: Promise<TokenService> | undefined
  const ready = () => service ??= secret().then(createTokenService)
  return {
    issue: async (caller, now) => (await ready()).issue(caller, now),
    read: async (token, now) => (await ready()).read(token, now),
  }
}
