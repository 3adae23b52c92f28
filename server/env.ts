import { z } from 'zod'

const port = z.string().trim()
  .regex(/^\d+$/, 'must be a whole number between 0 and 65535')
  .transform(Number)
  .refine(value => value <= 65_535, 'must be a whole number between 0 and 65535')

const envSchema = z.object({
  PORT: port.default('8080'),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().trim().url('must be a URL such as postgres://user@host:5432/yidi').optional()
    .or(z.literal('').transform(() => undefined)),
  YIDI_DATA_DIR: z.string().trim().min(1).default('data'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
