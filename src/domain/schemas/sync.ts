import { z } from 'zod/v4'
import type { Refusal } from '../refusal'
import { ACTION_TYPES } from './actions'
import { instantSchema, missingOr, uuidSchema } from './fields'

/** Largest batch `POST /api/sync` accepts (DESIGN §4: 413 above it). */
export const MAX_SYNC_ACTIONS = 500

/**
 * One outbox entry as sent (DESIGN §3-§4). The payload is checked apart, per action, with
 * `actionPayloadSchemas[type]`, so one bad action is rejected inside a 200 batch instead of
 * failing the whole request.
 */
export const syncActionEnvelopeSchema = z.object({
  id: uuidSchema,
  type: z.enum(ACTION_TYPES, { error: '未知的操作类型' }),
  payload: z.unknown(),
  createdAt: instantSchema,
  dependsOn: z.array(uuidSchema).max(50, '依赖的操作过多').optional(),
})

/** Body of `POST /api/sync`. */
export const syncRequestSchema = z.object({
  deviceId: z.string(missingOr('缺少设备编号')).trim().min(1, '缺少设备编号').max(64, '设备编号过长'),
  actions: z.array(syncActionEnvelopeSchema).max(MAX_SYNC_ACTIONS, `一次最多同步${MAX_SYNC_ACTIONS}条操作`),
})

/** A refusal as the reply carries it (`Refusal`). */
export const refusalSchema = z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) satisfies z.ZodType<Refusal>

/** Per-action result of `POST /api/sync`. */
export const syncResultSchema = z.object({
  id: uuidSchema,
  status: z.enum(['applied', 'duplicate', 'rejected']),
  result: z.unknown().optional(),
  error: refusalSchema.optional(),
})

/** Reply of `POST /api/sync`. */
export const syncResponseSchema = z.object({
  results: z.array(syncResultSchema),
  serverTime: instantSchema,
})

export type SyncActionEnvelope = z.infer<typeof syncActionEnvelopeSchema>
export type SyncRequest = z.infer<typeof syncRequestSchema>
export type SyncResult = z.infer<typeof syncResultSchema>
export type SyncResponse = z.infer<typeof syncResponseSchema>
