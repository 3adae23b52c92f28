import { createHash } from 'node:crypto'
import type { ClientRateLimitInfo, Options, Store as RateLimitStore } from 'express-rate-limit'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../store/index.ts'

/**
 * express-rate-limit's counters in the database (`rate_limit_counters`) instead of process memory,
 * so every instance behind a load balancer counts the same attempts: a limit of 10 per account
 * stays 10, however many instances there are. One upsert per counted request; a window starts
 * with the first hit after the previous one ended, and the retention sweep removes ended ones.
 * Keys name people (a 身份证号码, a username): only their SHA-256 is stored.
 */
export class DatabaseRateLimitStore implements RateLimitStore {
  readonly localKeys = false
  readonly prefix: string
  private windowMs = 60_000
  private readonly db: Kysely<Database>

  /** `prefix` names the limit, so two limits never share a counter. */
  constructor(db: Kysely<Database>, prefix: string) {
    this.db = db
    this.prefix = prefix
  }

  private rowKey(key: string): string {
    return createHash('sha256').update(this.prefix + key).digest('hex')
  }

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = await this.db.selectFrom('rate_limit_counters').select(['hits', 'reset_at'])
      .where('key', '=', this.rowKey(key)).where('reset_at', '>', new Date().toISOString()).executeTakeFirst()
    return row ? { totalHits: Number(row.hits), resetTime: new Date(row.reset_at) } : undefined
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = new Date()
    const nextReset = new Date(now.getTime() + this.windowMs).toISOString()
    const ended = sql<boolean>`rate_limit_counters.reset_at <= ${now.toISOString()}`
    const row = await this.db.insertInto('rate_limit_counters')
      .values({ key: this.rowKey(key), hits: 1, reset_at: nextReset })
      .onConflict(conflict => conflict.column('key').doUpdateSet({
        hits: sql<number>`case when ${ended} then 1 else rate_limit_counters.hits + 1 end`,
        reset_at: sql<string>`case when ${ended} then ${nextReset} else rate_limit_counters.reset_at end`,
      }))
      .returning(['hits', 'reset_at'])
      .executeTakeFirstOrThrow()
    return { totalHits: Number(row.hits), resetTime: new Date(row.reset_at) }
  }

  async decrement(key: string): Promise<void> {
    await this.db.updateTable('rate_limit_counters').set({ hits: sql<number>`hits - 1` })
      .where('key', '=', this.rowKey(key)).where('hits', '>', 0).execute()
  }

  async resetKey(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limit_counters').where('key', '=', this.rowKey(key)).execute()
  }
}
