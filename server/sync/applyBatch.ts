import { createHash } from 'node:crypto'
import type { Insertable, Kysely } from 'kysely'
import type { Logger } from 'pino'
import { isActionType, senderRoleOf } from '../../src/domain/schemas/actions.ts'
import { parseActionPayload } from '../../src/domain/schemas/parseAction.ts'
import type { SyncResult } from '../../src/domain/schemas/sync.ts'
import { type Caller, callerKey } from '../auth/caller.ts'
import type { Database, Store } from '../store/index.ts'
import type { AppliedActionsTable } from '../store/schema.ts'
import { compiledOnce } from '../store/compiledOnce.ts'
import { savepoint, writeTransaction } from '../store/writeTransaction.ts'
import type { Refusal } from '../../src/domain/refusal.ts'
import type { ActionHandlers, HandlerOutcome } from './actionHandler.ts'
import { actionShapeRefusal } from './actionShape.ts'

/** One action as the batch carries it (the type is checked here, per action). */
export interface IncomingAction {
  id: string
  type: string
  payload?: unknown
  dependsOn?: string[] | undefined
}

interface StoredAction {
  id: string
  caller: string
  payload_hash: string
  status: string
  result: string | null
}

const payloadHash = (type: string, payload: unknown) => createHash('sha256').update(type).update('\n').update(JSON.stringify(payload) ?? '').digest('hex')

type Outcome =
  | { status: 'applied', result: unknown }
  | { status: 'rejected', error: Refusal }
  | { status: 'raced' }
  | { status: 'failed', error: unknown }

const SERVER_ERROR: Refusal = { code: 'server_error', message: '服务器处理这项操作时出错，请稍后重新提交' }

const REUSED: Refusal = { code: 'idempotency_key_reused', message: '该操作编号已被另一项操作使用，请重新提交' }

/**
 * Applies a batch in one transaction, in order, each action in its own savepoint together with
 * its row in `applied_actions` — so an action and the record that it happened commit together
 * or not at all. A known id answers `duplicate` with the stored outcome and changes nothing.
 */
export async function applyBatch(store: Store, options: {
  caller: Caller
  actions: IncomingAction[]
  handlers: ActionHandlers
  now: Date
  logger: Logger
}): Promise<SyncResult[]> {
  const { caller, actions, handlers, now, logger } = options
  const owner = callerKey(caller)
  const createdAt = now.toISOString()

  return writeTransaction(store, async (db) => {
    const known = await loadKnown(db, actions)
    const results: SyncResult[] = []

    for (const action of actions) {
      // Refused before hashing and never stored: the hash would overflow, the store could not keep it.
      const unshapely = actionShapeRefusal(action)
      if (unshapely) {
        results.push({ id: action.id, status: 'rejected', error: unshapely })
        continue
      }
      const hash = payloadHash(action.type, action.payload)
      const stored = known.get(action.id)
      if (stored) {
        results.push(replayOf(action.id, stored, owner, hash))
        continue
      }
      const refusal = precheck(action, caller, known)
      const row = { id: action.id, caller: owner, type: action.type, payload_hash: hash, created_at: createdAt }
      const outcome = await savepoint(db, async (rollback): Promise<Outcome> => {
        let handled: HandlerOutcome
        try {
          handled = refusal ? { reject: refusal } : await runHandler(db, action, handlers, { caller, actionId: action.id, now, logger })
        }
        catch (error) {
          await rollback()
          return { status: 'failed', error }
        }
        if ('reject' in handled) {
          // Undo whatever the handler wrote, and keep the refusal so a replay gets the same answer.
          await rollback()
          return await claimId(db, { ...row, status: 'rejected', result: JSON.stringify(handled.reject) })
            ? { status: 'rejected', error: handled.reject }
            : { status: 'raced' }
        }
        if (await claimId(db, { ...row, status: 'applied', result: JSON.stringify(handled.result ?? null) }))
          return { status: 'applied', result: handled.result }
        await rollback()
        return { status: 'raced' }
      // A fault storing the outcome (after the savepoint is rolled back, which on PostgreSQL also
      // clears the aborted state) stays this action's: the batch and its transaction go on.
      }).catch((error: unknown): Outcome => ({ status: 'failed', error }))
      if (outcome.status === 'raced' || outcome.status === 'failed') {
        // Another request may have applied this id meanwhile (on PostgreSQL our writes then wait
        // for it and collide): answer as the replay of its outcome.
        const winner = (await loadKnown(db, [{ id: action.id, type: action.type }])).get(action.id)
        if (winner) {
          known.set(action.id, winner)
          results.push(replayOf(action.id, winner, owner, hash))
          continue
        }
        // A fault of ours, not of the action: nothing is kept (a fixed server may take it later),
        // and the person is told plainly instead of the whole batch failing.
        logger.error({ err: outcome.status === 'failed' ? outcome.error : undefined, actionId: action.id, type: action.type }, 'action handler failed')
        results.push({ id: action.id, status: 'rejected', error: SERVER_ERROR })
        continue
      }
      const kept = outcome.status === 'applied' ? outcome.result ?? null : outcome.error
      known.set(action.id, { id: action.id, caller: owner, payload_hash: hash, status: outcome.status, result: JSON.stringify(kept) })
      results.push({ id: action.id, ...outcome })
    }
    return results
  })
}

/** The stored rows for the batch's ids and the ids they depend on, in one query. */
async function loadKnown(db: Kysely<Database>, actions: IncomingAction[]): Promise<Map<string, StoredAction>> {
  const ids = [...new Set(actions.flatMap(action => [action.id, ...(action.dependsOn ?? [])]))]
  const rows = ids.length === 0
    ? []
    : await db.selectFrom('applied_actions').select(['id', 'caller', 'payload_hash', 'status', 'result']).where('id', 'in', ids).execute()
  return new Map(rows.map(row => [row.id, row]))
}

const insertAppliedAction = compiledOnce<Insertable<AppliedActionsTable>>(
  ['id', 'caller', 'type', 'payload_hash', 'status', 'result', 'created_at'],
  (db, row) => db.insertInto('applied_actions').values(row).onConflict(conflict => conflict.column('id').doNothing()),
)

/** Records the id's outcome; false when the id already exists (a concurrent request won the race). */
async function claimId(db: Kysely<Database>, row: Insertable<AppliedActionsTable>): Promise<boolean> {
  const inserted = await insertAppliedAction(db, row)
  return Number(inserted.numAffectedRows ?? 0n) > 0
}

function replayOf(id: string, stored: StoredAction, owner: string, hash: string): SyncResult {
  if (stored.caller !== owner || stored.payload_hash !== hash)
    return { id, status: 'rejected', error: REUSED }
  if (stored.status === 'rejected')
    return { id, status: 'rejected', error: JSON.parse(stored.result ?? 'null') as Refusal }
  return { id, status: 'duplicate', result: JSON.parse(stored.result ?? 'null') as unknown }
}

const SENDER_ONLY = {
  counter: '此操作仅限医保窗口工作人员',
  agency: '此操作仅限参保地医保经办机构工作人员',
  insured: '此操作需由参保人本人或其家人办理',
} as const

/** Checks that need no handler: known type, allowed role, dependencies applied. */
function precheck(action: IncomingAction, caller: Caller, known: Map<string, StoredAction>): Refusal | undefined {
  if (!isActionType(action.type))
    return { code: 'unknown_type', message: '未知的操作类型，请更新应用后重试' }
  const sender = senderRoleOf(action.type)
  if (sender !== caller.role)
    return { code: 'forbidden', message: SENDER_ONLY[sender] }
  for (const parent of action.dependsOn ?? []) {
    if (known.get(parent)?.status !== 'applied')
      return { code: 'dependency_rejected', message: '它所依赖的上一项操作未能生效，请先处理那一项' }
  }
  return undefined
}

async function runHandler(db: Kysely<Database>, action: IncomingAction, handlers: ActionHandlers, context: Parameters<NonNullable<ActionHandlers['filing.create']>>[1]): Promise<HandlerOutcome> {
  if (!isActionType(action.type))
    return { reject: { code: 'unknown_type', message: '未知的操作类型' } }
  const handler = handlers[action.type] as ((db: Kysely<Database>, context: unknown, payload: unknown) => Promise<HandlerOutcome>) | undefined
  if (!handler)
    return { reject: { code: 'not_supported', message: '服务器暂不支持此操作，请稍后再试' } }
  const parsed = parseActionPayload(action.type, action.payload)
  if (!parsed.ok)
    return { reject: parsed.error }
  return handler(db, context, parsed.payload)
}
