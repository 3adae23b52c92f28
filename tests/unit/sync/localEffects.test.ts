import { afterEach, describe, expect, it } from 'vitest'
import type { YidiDatabase } from '../../../src/db/database'
import type { Filing } from '../../../src/domain/filing/filing'
import { newFilingFromCreatePayload } from '../../../src/domain/filing/fromPayload'
import { buildFiling } from '../../../src/domain/filing/validity'
import { policyFor } from '../../../src/domain/policy/policyFor'
import type { ActionType } from '../../../src/domain/schemas/actions'
import type { FilingCreatePayload } from '../../../src/domain/schemas/filing'
import type { SyncResult } from '../../../src/domain/schemas/sync'
import { enqueue } from '../../../src/sync/enqueue'
import { flushOutbox } from '../../../src/sync/flushOutbox'
import { discardAction } from '../../../src/sync/manageOutbox'
import type { SyncRequestBody, TransportOutcome } from '../../../src/sync/transport'
import { filingCreatePayload, SIGNATURE } from '../../server/support/filingPayload'
import { freshDatabase, noLock, verificationPayload } from './fixtures'

const TODAY = '2026-11-20'
const HOLDER = { idNumber: '11010519491231002X', name: '王芳', phone: '13800138000' }

let database: YidiDatabase
afterEach(async () => {
  await database.delete()
})

/** What the server answers for an applied `filing.create`: its own record with a 备案编号. */
function serverFilingOf(payload: FilingCreatePayload): Filing {
  return buildFiling(newFilingFromCreatePayload(payload, 'BA20261120000001'), TODAY, policyFor(payload.insuredRegion))
}

/** A server that applies `filing.create` with its record and answers everything else as `decide` says. */
function server(decide: (type: ActionType) => SyncResult['status']) {
  return async (body: SyncRequestBody): Promise<TransportOutcome> => {
    const results = body.actions.map((action): SyncResult => {
      const status = decide(action.type as ActionType)
      if (status === 'rejected')
        return { id: action.id, status, error: { code: 'filing_locked', message: '备案变更受限' } }
      const payload = action.payload as FilingCreatePayload
      const result = action.type === 'filing.create' ? { filing: serverFilingOf(payload), version: 1 } : { stored: action.id }
      return { id: action.id, status, result }
    })
    return { kind: 'answered', response: { results, serverTime: new Date().toISOString() } }
  }
}

async function flushWith(decide: (type: ActionType) => SyncResult['status']) {
  return flushOutbox({ database, transport: server(decide), lock: noLock, deviceId: 'device-1' })
}

/** A filing the server already has, as the phone shows it after sync. */
async function syncedFiling(): Promise<FilingCreatePayload> {
  const payload = filingCreatePayload(HOLDER, '530100', TODAY) as FilingCreatePayload
  await enqueue(database, 'filing.create', payload)
  await flushWith(() => 'applied')
  expect((await database.filings.get(payload.filingId))?.status).toBe('synced')
  return payload
}

const modifications = {
  'filing.change': (filingId: string) => ({ filingId, changes: { phone: '13900139000', destination: '310100' }, filledOn: TODAY }),
  'filing.cancel': (filingId: string) => ({ filingId, reason: '已回参保地', requestedOn: TODAY }),
  'filing.supplement': (filingId: string) => ({ filingId, materials: [{ kind: 'residence', description: '居住证' }], suppliedOn: TODAY }),
} as const

describe('local effects when the server refuses an action or the person discards it', () => {
  it('a rejected filing.create stays on the phone marked rejected; discarding it removes it', async () => {
    database = freshDatabase()
    const payload = filingCreatePayload(HOLDER, '530100', TODAY) as FilingCreatePayload
    const id = await enqueue(database, 'filing.create', payload)
    await flushWith(() => 'rejected')
    expect((await database.filings.get(payload.filingId))?.status).toBe('rejected')

    await discardAction(database, id)
    expect(await database.filings.get(payload.filingId)).toBeUndefined()
  })

  for (const type of Object.keys(modifications) as (keyof typeof modifications)[]) {
    it(`a rejected ${type} no longer shows its edit: the phone shows the server's filing again`, async () => {
      database = freshDatabase()
      const created = await syncedFiling()
      const before = (await database.filings.get(created.filingId))!.record.filing

      await enqueue(database, type, modifications[type](created.filingId) as never)
      const optimistic = await database.filings.get(created.filingId)
      expect(optimistic?.status).toBe('pending')
      expect(optimistic?.record.filing).not.toEqual(before)

      await flushWith(() => 'rejected')
      const after = await database.filings.get(created.filingId)
      expect(after?.status).toBe('synced')
      expect(after?.record.filing).toEqual(before)
    })

    it(`a discarded ${type} no longer shows its edit, even offline before any answer`, async () => {
      database = freshDatabase()
      const created = await syncedFiling()
      const before = (await database.filings.get(created.filingId))!.record.filing

      const id = await enqueue(database, type, modifications[type](created.filingId) as never)
      await discardAction(database, id)

      const after = await database.filings.get(created.filingId)
      expect(after?.status).toBe('synced')
      expect(after?.record.filing).toEqual(before)
    })
  }

  it('of two edits waiting, rejecting the first keeps the second on screen', async () => {
    database = freshDatabase()
    const created = await syncedFiling()
    await enqueue(database, 'filing.change', modifications['filing.change'](created.filingId))
    await enqueue(database, 'filing.cancel', modifications['filing.cancel'](created.filingId))

    // The change is refused; the cancel is not answered yet (its answer lost on the way).
    const outcome = await flushOutbox({
      database,
      lock: noLock,
      deviceId: 'device-1',
      transport: async body => ({
        kind: 'answered',
        response: {
          results: body.actions.filter(action => action.type === 'filing.change')
            .map(action => ({ id: action.id, status: 'rejected' as const, error: { code: 'filing_locked', message: '备案变更受限' } })),
          serverTime: new Date().toISOString(),
        },
      }),
      maxActions: 1,
    })
    expect(outcome.kind).toBe('retry-later')

    const shown = await database.filings.get(created.filingId)
    expect(shown?.status).toBe('pending')
    expect(shown?.record.filing.cancelledOn).toBe(TODAY)
    expect(shown?.record.filing.destination).toBe(created.destination)
  })

  it('a filing created offline and changed before it synced shows both; discarding the change leaves the new filing', async () => {
    database = freshDatabase()
    const payload = filingCreatePayload(HOLDER, '530100', TODAY) as FilingCreatePayload
    const createId = await enqueue(database, 'filing.create', payload)
    const changeId = await enqueue(database, 'filing.change', modifications['filing.change'](payload.filingId), { dependsOn: [createId] })
    expect((await database.filings.get(payload.filingId))?.record.filing.destination).toBe('310100')

    await discardAction(database, changeId)
    const shown = await database.filings.get(payload.filingId)
    expect(shown?.status).toBe('pending')
    expect(shown?.record.filing.destination).toBe(payload.destination)
  })

  it('a rejected trauma.sign stays listed as rejected; discarding it removes it from the tablet', async () => {
    database = freshDatabase()
    const commitmentId = crypto.randomUUID()
    const id = await enqueue(database, 'trauma.sign', traumaPayload(commitmentId))
    await flushWith(() => 'rejected')
    expect((await database.trauma.get(commitmentId))?.status).toBe('rejected')

    await discardAction(database, id)
    expect(await database.trauma.get(commitmentId)).toBeUndefined()
  })

  it('an action with no record of its own keeps the server\'s reason in the outbox until discarded', async () => {
    database = freshDatabase()
    const id = await enqueue(database, 'counter.verify.logged', verificationPayload())
    await flushWith(() => 'rejected')
    expect(await database.outbox.get(id)).toMatchObject({ status: 'rejected', error: { code: 'filing_locked', message: '备案变更受限' } })

    await discardAction(database, id)
    expect(await database.outbox.get(id)).toBeUndefined()
  })
})

function traumaPayload(commitmentId: string) {
  return {
    commitmentId,
    patient: { name: '王芳', phone: HOLDER.phone, idType: 'resident_id' as const, idNumber: HOLDER.idNumber },
    injuredOn: '2026-11-19',
    injuredHour: 10,
    place: '家中',
    account: '在家中不慎滑倒，右腿受伤',
    commitmentsAccepted: true as const,
    textVersion: 'default-2026-1',
    signer: 'patient' as const,
    signature: SIGNATURE,
    signedOn: TODAY,
  }
}
