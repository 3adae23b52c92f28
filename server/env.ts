import { isIP } from 'node:net'
import { z } from 'zod/v4'

const port = z.string().trim()
  .regex(/^\d+$/, 'must be a whole number between 0 and 65535')
  .transform(Number)
  .refine(value => value <= 65_535, 'must be a whole number between 0 and 65535')

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])
const isProxyAddress = (entry: string) => {
  const [address = '', bits, ...rest] = entry.split('/')
  const family = isIP(address)
  const maxBits = family === 6 ? 128 : 32
  return PROXY_NAMES.has(entry) || (family !== 0 && rest.length === 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits)))
}

/**
 * Express's `trust proxy`: which hops may tell the client's address (X-Forwarded-For), for the
 * per-address limits behind a load balancer. A hop count, or addresses, subnets and the names
 * loopback / linklocal / uniquelocal separated by commas. `true` (trust anyone) is refused: every
 * client could then choose its own address and walk past the limits.
 */
const trustProxy = z.string().trim().transform((value, ctx) => {
  if (value === '')
    return false
  if (/^\d+$/.test(value))
    return Number(value)
  const entries = value.split(',').map(entry => entry.trim())
  if (entries.every(isProxyAddress))
    return entries
  ctx.addIssue({ code: 'custom', message: 'must be a hop count, or addresses/subnets (10.0.0.0/8) and loopback, linklocal, uniquelocal separated by commas' })
  return z.NEVER
})

const envSchema = z.object({
  PORT: port.prefault('8080'),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().trim().url('must be a URL such as postgres://user@host:5432/yidi').optional()
    .or(z.literal('').transform(() => undefined)),
  YIDI_DATA_DIR: z.string().trim().min(1).default('data'),
  /** The built PWA to serve (`npm run build` writes `dist`). */
  YIDI_CLIENT_DIR: z.string().trim().min(1).default('dist'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Shared by every instance behind a load balancer; without it one is kept in the database. */
  YIDI_TOKEN_SECRET: z.string().trim().min(32, 'must be at least 32 characters').optional()
    .or(z.literal('').transform(() => undefined)),
  /** `1`: sign-in replies carry the one-time code (ignored in production). */
  YIDI_DEV_ECHO_CODE: z.enum(['0', '1', '']).default('0').transform(value => value === '1'),
  /** City code (GB/T 2260) of the counter account made on the first start. */
  YIDI_TRUST_PROXY: trustProxy.prefault(''),
  YIDI_FIRST_COUNTER_CITY: z.string().trim().regex(/^\d{6}$/, 'must be a 6-digit city code such as 530100').default('530100'),
})

/** The server's validated configuration. */
export type Env = z.infer<typeof envSchema>

/**
 * Validates the environment once at start-up. Throws one error naming every bad variable, so a
 * misconfigured deploy stops before it listens instead of failing on the first request.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source)
  if (result.success)
    return result.data
  const problems = result.error.issues.map(issue => `  ${issue.path.join('.')}: ${issue.message}`)
  throw new Error(`Invalid environment:\n${problems.join('\n')}`)
}
