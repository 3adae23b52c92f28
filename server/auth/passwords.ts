import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number, r: number, p: number, maxmem: number }) => Promise<Buffer>

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s here; 2^15 keeps sign-in quick
// on a 2-core server while still costing an attacker ~32 MiB per guess.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32

/** `scrypt$N$r$p$salt$hash` (base64url parts): the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scryptAsync(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: 64 * 1024 * 1024 })
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash)
    return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 })
  return timingSafeEqual(actual, expected)
}

let unknownAccount: Promise<string> | undefined

/** A hash no password matches, checked when the username is unknown so the refusal takes as long. */
export function unknownAccountHash(): Promise<string> {
  return unknownAccount ??= hashPassword(randomBytes(32).toString('base64url'))
}

// No 0/O, 1/l/I: a one-time password is read off a terminal and typed at a counter.
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random one-time password of 14 readable characters (~80 bits). */
export function generatePassword(length = 14): string {
  return Array.from({ length }, () => READABLE[randomInt(READABLE.length)]).join('')
}

/** A staff password must be long enough to resist guessing at the rate limit. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 10)
    return '新密码至少10位'
  if (password.length > 128)
    return '新密码不能超过128位'
  if (/^(.)\1+$/.test(password) || /^\d+$/.test(password))
    return '新密码过于简单，请混合字母和数字'
  return undefined
}
