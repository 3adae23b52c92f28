import type { RequestHandler, Response } from 'express'
import type { Kysely } from 'kysely'
import { accountKey } from '../../src/domain/identity/accountKey.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Database } from '../store/index.ts'
import { insuredOwnerKey, loadOwnerKeyPepper } from './ownerKeys.ts'
import { staffSessionState } from './staffSession.ts'
import type { TokenService } from './tokens.ts'

/** An insured person signed in with 身份证号码, 姓名, 手机号 and a one-time code. */
export interface InsuredCaller {
  role: 'insured'
  idNumber: string
  name: string
  phone: string
  /** What their actions and uploads are owned under (server/auth/ownerKeys.ts); not in the token. */
  ownerKey: string
}

/** Counter staff, bound to one hospital and its city. */
export interface CounterCaller {
  role: 'counter'
  username: string
  hospitalCode: string
  hospitalName: string
  cityCode: string
  /** The account's session version when the token was minted (server/auth/staffSession.ts). */
  sessionVersion: number
  ownerKey: string
}

/** Staff of a 参保地 agency (经办机构), bound to the one 统筹区 whose claims it reviews. */
export interface AgencyCaller {
  role: 'agency'
  username: string
  agencyName: string
  regionCode: string
  sessionVersion: number
  ownerKey: string
}

export type Caller = InsuredCaller | CounterCaller | AgencyCaller

type WithoutOwnerKey<T> = T extends unknown ? Omit<T, 'ownerKey'> : never

/** What a session token carries: the caller, less what the server derives on each request. */
export type TokenSubject = WithoutOwnerKey<Caller>

/** The key actions and files are owned under: one person, or one staff account. */
export function callerKey(caller: Caller): string {
  return caller.ownerKey
}

function withOwnerKey(subject: TokenSubject, pepper: string): Caller {
  return subject.role === 'insured'
    ? { ...subject, ownerKey: insuredOwnerKey(pepper, subject.idNumber) }
    : { ...subject, ownerKey: accountKey({ role: 'counter', username: subject.username }) }
}

/** The one request a staff token bound to a one-time password may make. */
const PASSWORD_CHANGE_PATH = '/auth/staff/password'

/**
 * Reads `Authorization: Bearer …` into `res.locals.caller`; no token, or one that no longer
 * speaks for its account, means anonymous (so the route answers 401 and the device signs in
 * again). A staff token still on its one-time password is refused everywhere but the change.
 */
export function readCaller(tokens: TokenService, clock: () => Date, db: Kysely<Database>): RequestHandler {
  let pepper: Promise<string> | undefined
  return async (req, res, next) => {
    const header = req.get('authorization')
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined
    const subject = token ? await tokens.read(token, clock()) : undefined
    if (!subject)
      return next()
    if (subject.role !== 'insured') {
      const state = await staffSessionState(db, subject)
      if (state === 'ended')
        return next()
      if (state === 'password_change_required' && req.path !== PASSWORD_CHANGE_PATH)
        throw new HttpProblem(403, '请先修改一次性密码后再使用', { code: 'password_change_required' })
    }
    res.locals.caller = withOwnerKey(subject, await (pepper ??= loadOwnerKeyPepper(db)))
    next()
  }
}

/** The signed-in caller, or 401. */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined
  if (!caller)
    throw new HttpProblem(401, '登录已过期，请重新登录', { code: 'unauthorized' })
  return caller
}

export function insuredOf(res: Response): InsuredCaller {
  const caller = callerOf(res)
  if (caller.role !== 'insured')
    throw new HttpProblem(403, '此功能仅限参保人本人使用', { code: 'forbidden' })
  return caller
}

export function counterOf(res: Response): CounterCaller {
  const caller = callerOf(res)
  if (caller.role !== 'counter')
    throw new HttpProblem(403, '此功能仅限医保窗口工作人员使用', { code: 'forbidden' })
  return caller
}

export function agencyOf(res: Response): AgencyCaller {
  const caller = callerOf(res)
  if (caller.role !== 'agency')
    throw new HttpProblem(403, '此功能仅限参保地医保经办机构工作人员使用', { code: 'forbidden' })
  return caller
}

/** Any staff account, counter or agency: what changing one's own password needs. */
export function staffOf(res: Response): CounterCaller | AgencyCaller {
  const caller = callerOf(res)
  if (caller.role === 'insured')
    throw new HttpProblem(403, '此功能仅限工作人员使用', { code: 'forbidden' })
  return caller
}
