import type { RequestHandler, Response } from 'express'
import { accountKey } from '../../src/domain/identity/accountKey.ts'
import { HttpProblem } from '../http/problem.ts'
import type { TokenService } from './tokens.ts'

/** An insured person signed in with 身份证号码, 姓名, 手机号 and a one-time code. */
export interface InsuredCaller {
  role: 'insured'
  idNumber: string
  name: string
  phone: string
}

/** Counter staff, bound to one hospital and its city. */
export interface CounterCaller {
  role: 'counter'
  username: string
  hospitalCode: string
  hospitalName: string
  cityCode: string
}

/** Staff of a 参保地 agency (经办机构), bound to the one 统筹区 whose claims it reviews. */
export interface AgencyCaller {
  role: 'agency'
  username: string
  agencyName: string
  regionCode: string
}

export type Caller = InsuredCaller | CounterCaller | AgencyCaller

/** The key actions and files are owned under: one person, or one staff account. */
export function callerKey(caller: Caller): string {
  return accountKey(caller)
}

/** Reads `Authorization: Bearer …` into `res.locals.caller`; no token means anonymous. */
export function readCaller(tokens: TokenService, clock: () => Date): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization')
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined
    if (token)
      res.locals.caller = await tokens.read(token, clock())
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
