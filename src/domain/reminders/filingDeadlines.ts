import type { Filing } from '../filing/filing'
import type { RegionPolicy } from '../policy/types'
import type { Deadline } from './deadline'
import { categoryKind } from '../filing/categories'
import { lockedUntil } from '../filing/canModify'

/**
 * Every deadline one filing carries: the end of a temporary filing (Yunnan 第十条, Chongqing 第八条,
 * Hebei 第九条), the materials of a promise filing (Jilin 第六条), the single visit of a one-visit
 * referral (Hebei 第九条), and the day a long-term filing's lock ends (Hebei 第十条, 湛江 二(二)).
 * A cancelled filing has none: nothing is left to do for it.
 */
export function filingDeadlines(filing: Filing, policy: RegionPolicy): Deadline[] {
  if (filing.cancelledOn !== null)
    return []
  const subject = filing.filingId
  const deadlines: Deadline[] = []
  if (categoryKind(filing.category) === 'temporary' && filing.endDate !== null) {
    deadlines.push({ kind: 'temporary_filing_ends', date: filing.endDate, subject, article: '医保发〔2022〕22号 二(三)；云南 第十条；重庆 第八条', reason: '临时异地就医备案有效期截止' })
  }
  if (filing.byPromise && filing.promiseEndDate !== null && filing.materialsSuppliedOn === null) {
    deadlines.push({ kind: 'promise_materials_due', date: filing.promiseEndDate, subject, article: '吉医保规〔2023〕4号 第六条', reason: '承诺制备案须在此日前补齐备案材料，逾期备案失效' })
  }
  if (filing.oneVisit && filing.usedOn === null) {
    deadlines.push({ kind: 'referral_one_visit', date: filing.startDate, subject, article: '河北规程 第九条', reason: '转诊备案仅限当次住院有效，再次住院须重新备案' })
  }
  const lockEnds = policy.longTermLock ? lockedUntil(filing, policy.longTermLock.locks[0] ?? 'change_destination', policy) : null
  if (lockEnds !== null) {
    deadlines.push({ kind: 'long_term_lock_ends', date: lockEnds, subject, article: '河北规程 第十条；湛医保〔2023〕11号 二(二)', reason: '长期备案的变更限制到期，自此日起可申请变更' })
  }
  return deadlines
}
