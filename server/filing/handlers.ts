import type { Kysely } from 'kysely'
import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import { canCancel, canChange, canSupplement } from '../../src/domain/filing/canModify.ts'
import { canCreate } from '../../src/domain/filing/canCreate.ts'
import type { Filing } from '../../src/domain/filing/filing.ts'
import { draftFromCreatePayload, newFilingFromCreatePayload } from '../../src/domain/filing/fromPayload.ts'
import { applyCancel, applyChange, applySupplement } from '../../src/domain/filing/transitions.ts'
import { buildFiling } from '../../src/domain/filing/validity.ts'
import { validateIdNumber } from '../../src/domain/identity/idNumber.ts'
import { checkProofKinds } from '../../src/domain/filing/proofKinds.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import type { FilingActor, FilingAgent, FilingMaterial } from '../../src/domain/schemas/filing.ts'
import type { FilingActionResult } from '../../src/domain/schemas/results.ts'
import { type Caller, callerKey, type InsuredCaller } from '../auth/caller.ts'
import type { ActionHandler, ActionHandlers, HandlerContext, HandlerOutcome } from '../sync/actionHandler.ts'
import { reject } from '../sync/actionHandler.ts'
import { hasAgencyConsent } from '../registry/agencyConsent.ts'
import { publishBenefitStatus } from '../registry/benefitHolds.ts'
import { filingEligibility } from '../registry/filingEligibility.ts'
import { familyRelationship } from '../registry/insuranceRelationship.ts'
import { recordsOf } from '../registry/repository.ts'
import { syncFilingReminders } from '../reminders/filingReminders.ts'
import type { Database } from '../store/index.ts'
import { signCredential } from './credential.ts'
import { referenceAttachments } from './referenceAttachments.ts'
import { checkReferringHospital } from './referringHospital.ts'
import { filingById, filingsOfHolder, nextFilingNumber, saveFiling, type StoredFiling } from './repository.ts'
import type { SigningKey } from './signingKeys.ts'

const MISSING_ATTACHMENT = reject('attachment_missing', '证明材料的附件尚未上传成功，请重新选择照片后提交', 'materials')

/** The materials' files, uploaded by this person before the action, become referenced (see referenceAttachments). */
async function claimAttachments(db: Kysely<Database>, caller: Caller, materials: FilingMaterial[] | undefined, now: Date): Promise<boolean> {
  return referenceAttachments(db, callerKey(caller), (materials ?? []).flatMap(material => material.fileRef ? [material.fileRef] : []), now)
}

/**
 * The payload's own date (`filledOn`) comes from the device; a birth date after the server's
 * China day is refused whatever the device's clock says (GB 11643: a real, past date).
 */
function bornAfter(today: string, payload: { idNumber: string, agent?: FilingAgent | undefined }): HandlerOutcome | undefined {
  for (const [field, idNumber] of [['idNumber', payload.idNumber], ['agent.idNumber', payload.agent?.idNumber]] as const) {
    const checked = idNumber === undefined ? undefined : validateIdNumber(idNumber, { today })
    if (checked && !checked.ok)
      return reject('invalid_id_number', checked.message, field)
  }
  return undefined
}

const NOT_INSURED = reject('forbidden', '备案相关操作需由参保人本人或其家人办理')

function resultOf(stored: StoredFiling): HandlerOutcome {
  return { result: { filing: stored.filing, version: stored.version, ...(stored.credential ? { credential: stored.credential } : {}) } satisfies FilingActionResult }
}

/**
 * Who acts on someone's filing, as the holder will be shown it: the holder, a family member on
 * the holder's record now (by the relationship the record names), or someone the holder
 * authorised by a code to their phone (代办, Hebei 第九条). Read each time, so a relationship
 * removed from the registry counts at once. Undefined: nobody the holder would recognise.
 */
async function actorOn(db: Kysely<Database>, stored: StoredFiling, caller: InsuredCaller, now: Date): Promise<'holder' | FilingActor | undefined> {
  if (stored.holder.idNumber === caller.idNumber)
    return 'holder'
  const relationship = familyRelationship(await recordsOf(db, stored.holder.idNumber), caller.idNumber)
  if (relationship)
    return { name: caller.name, relationship }
  return await hasAgencyConsent(db, caller.idNumber, stored.holder.idNumber, now) ? { name: caller.name, relationship: 'authorized' } : undefined
}

const NOT_FAMILY = reject('not_family_on_record', '只有参保人本人、其参保登记中的家庭成员或经其授权的代办人可以办理这条备案。请先获取参保人的代办授权，或请参保人本人登录办理', 'filingId')

/**
 * The filing handlers of the sync contract. Each runs the rulebook on the server's own records
 * of the holder and the server's calendar day, so a phone with a wrong clock or stale data
 * cannot file what the rules forbid.
 */
export function filingHandlers(signingKey: () => Promise<SigningKey>): ActionHandlers {
  async function withCredential(stored: StoredFiling, now: Date): Promise<StoredFiling> {
    const active = stored.filing.cancelledOn === null
    return { ...stored, credential: active ? signCredential(stored.filing, stored.holder, await signingKey(), now) : null }
  }

  /** Loads the filing the action refers to, checking the caller may act on it. */
  async function loadFor(db: Kysely<Database>, context: HandlerContext, filingId: string): Promise<{ stored: StoredFiling, others: Filing[], actedBy: FilingActor | undefined } | HandlerOutcome> {
    if (context.caller.role !== 'insured')
      return NOT_INSURED
    const stored = await filingById(db, filingId)
    if (!stored)
      return reject('not_found', '未找到这条备案，可能已被取消或不属于您', 'filingId')
    const actor = await actorOn(db, stored, context.caller, context.now)
    if (!actor)
      return stored.agent?.idNumber === context.caller.idNumber ? NOT_FAMILY : reject('not_found', '未找到这条备案，可能已被取消或不属于您', 'filingId')
    const others = (await filingsOfHolder(db, stored.holder.idNumber)).map(item => item.filing)
    return { stored, others, actedBy: actor === 'holder' ? undefined : actor }
  }

  const create: ActionHandler<'filing.create'> = async (db, context, payload) => {
    const { caller, now } = context
    if (caller.role !== 'insured')
      return NOT_INSURED
    const unborn = bornAfter(chinaDateOf(now), payload)
    if (unborn)
      return unborn
    if (payload.agent ? payload.agent.idNumber !== caller.idNumber : payload.idNumber !== caller.idNumber) {
      return payload.agent
        ? reject('agent_mismatch', '代办人须为当前登录的本人', 'agent.idNumber')
        : reject('holder_mismatch', '只能为本人备案；为家人备案请选择"为家人办理"并填写代办人信息', 'idNumber')
    }
    if (!await claimAttachments(db, caller, payload.materials, now))
      return MISSING_ATTACHMENT
    const today = chinaDateOf(now)
    const eligibility = filingEligibility({
      records: await recordsOf(db, payload.idNumber),
      holder: payload,
      insuredRegion: payload.insuredRegion,
      insuranceType: payload.insuranceType,
      ...(payload.agent ? { agentIdNumber: caller.idNumber, agentConsented: await hasAgencyConsent(db, caller.idNumber, payload.idNumber, now) } : {}),
      today,
    })
    if (!eligibility.ok)
      return { reject: eligibility.rejection }
    const { record } = eligibility
    // 姓名, 性别, 参保地 and 险种 are the record's, not what the form says.
    payload = { ...payload, name: record.name, sex: record.sex, insuredRegion: record.insuredRegion, insuranceType: record.insuranceType }
    const referrer = await checkReferringHospital(db, payload)
    if ('reject' in referrer)
      return referrer
    payload = { ...payload, ...referrer }
    const policy = policyFor(payload.insuredRegion)
    const existing = (await filingsOfHolder(db, payload.idNumber)).map(item => item.filing)
    if (existing.some(filing => filing.filingId === payload.filingId))
      return reject('filing_exists', '这条备案已经提交过', 'filingId')
    const allowed = canCreate(existing, draftFromCreatePayload(payload), today, policy)
    if (!allowed.ok)
      return reject(allowed.code, allowed.message)
    const filingNumber = await nextFilingNumber(db, payload.insuredRegion, today)
    const filing = buildFiling(newFilingFromCreatePayload(payload, filingNumber), today, policy)
    const agent = payload.agent && agentOf({ ...payload.agent, relationship: familyRelationship([record], caller.idNumber) ?? payload.agent.relationship })
    const { agent: _agent, ...form } = payload
    const stored = await withCredential({
      filing,
      version: 1,
      holder: { name: payload.name, idNumber: payload.idNumber },
      ...(agent ? { agent } : {}),
      form,
      credential: null,
    }, now)
    await saveFiling(db, stored, { actionId: context.actionId, now, ...(payload.agent ? { actedBy: { name: caller.name, relationship: familyRelationship([record], caller.idNumber) ?? 'authorized' } } : {}) })
    await syncFilingReminders(db, stored, now)
    // Filed while the benefits are frozen or paused: counters checking offline must know at once.
    if (record.benefitStatus !== 'normal')
      await publishBenefitStatus(db, record, record.benefitStatus, now)
    return resultOf(stored)
  }

  const change: ActionHandler<'filing.change'> = async (db, context, payload) => {
    const loaded = await loadFor(db, context, payload.filingId)
    if (!('stored' in loaded))
      return loaded
    const today = chinaDateOf(context.now)
    const policy = policyFor(loaded.stored.filing.insuredRegion)
    const allowed = canChange(loaded.others, payload.filingId, payload.changes, today, policy)
    if (!allowed.ok)
      return reject(allowed.code, allowed.message, 'changes')
    const filing = applyChange(loaded.stored.filing, payload.changes, today, policy)
    const form = { ...loaded.stored.form, ...definedOnly(payload.changes) }
    const next = await withCredential({ ...loaded.stored, filing, form, version: loaded.stored.version + 1 }, context.now)
    await saveFiling(db, next, { actionId: context.actionId, now: context.now, actedBy: loaded.actedBy })
    await syncFilingReminders(db, next, context.now)
    return resultOf(next)
  }

  const cancel: ActionHandler<'filing.cancel'> = async (db, context, payload) => {
    const loaded = await loadFor(db, context, payload.filingId)
    if (!('stored' in loaded))
      return loaded
    const today = chinaDateOf(context.now)
    const allowed = canCancel(loaded.others, payload.filingId, today, policyFor(loaded.stored.filing.insuredRegion))
    if (!allowed.ok)
      return reject(allowed.code, allowed.message)
    const next: StoredFiling = {
      ...loaded.stored,
      filing: applyCancel(loaded.stored.filing, today),
      form: { ...loaded.stored.form, ...(payload.reason ? { cancelReason: payload.reason } : {}) },
      version: loaded.stored.version + 1,
      credential: null,
    }
    await saveFiling(db, next, { actionId: context.actionId, now: context.now, revokeReason: 'cancelled', actedBy: loaded.actedBy })
    await syncFilingReminders(db, next, context.now)
    return resultOf(next)
  }

  const supplement: ActionHandler<'filing.supplement'> = async (db, context, payload) => {
    const loaded = await loadFor(db, context, payload.filingId)
    if (!('stored' in loaded))
      return loaded
    const today = chinaDateOf(context.now)
    if (!await claimAttachments(db, context.caller, payload.materials, context.now))
      return MISSING_ATTACHMENT
    const allowed = canSupplement(loaded.others, payload.filingId, today)
    if (!allowed.ok)
      return reject(allowed.code, allowed.message)
    const { filing } = loaded.stored
    const kinds = checkProofKinds(filing.category, payload.materials.map(material => material.kind), policyFor(filing.insuredRegion))
    if (!kinds.ok)
      return reject(kinds.code, kinds.message, 'materials')
    const materials = [...(loaded.stored.form.materials as unknown[] | undefined ?? []), ...payload.materials]
    const next = await withCredential({
      ...loaded.stored,
      filing: applySupplement(loaded.stored.filing, today),
      form: { ...loaded.stored.form, materials },
      version: loaded.stored.version + 1,
    }, context.now)
    await saveFiling(db, next, { actionId: context.actionId, now: context.now, actedBy: loaded.actedBy })
    await syncFilingReminders(db, next, context.now)
    return resultOf(next)
  }

  return { 'filing.create': create, 'filing.change': change, 'filing.cancel': cancel, 'filing.supplement': supplement }
}

function agentOf(agent: FilingAgent): NonNullable<StoredFiling['agent']> {
  return { name: agent.name, relationship: agent.relationship, idNumber: agent.idNumber, phone: agent.phone }
}

function definedOnly(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}
