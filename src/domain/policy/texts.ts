import type { PolicyTexts, RegionPolicy } from './types'

type RatioCuts = RegionPolicy['ratioCutPoints']

/**
 * The notice's line on temporary trips, as the insured region pays them: national 二(六) lets a
 * region cut the ratio for referrals and emergencies, while Yunnan 四(一) says they "按参保地规定
 * 享受医疗保障待遇，不得降低支付比例". The line states the region's own figures, never a general
 * "lower" that would be wrong where there is no cut.
 */
export function temporaryCareLine(cuts: RatioCuts): string {
  const referral = cuts.referral === 0 && cuts.emergency === 0
    ? '转诊转院和急诊抢救按参保地规定享受待遇，不降低支付比例'
    : `转诊转院的支付比例比参保地同级医疗机构低${cuts.referral}个百分点，急诊抢救低${cuts.emergency}个百分点`
  return `三、${referral}；其他临时外出就医低${cuts.otherTemporary}个百分点；异地急诊抢救视同已备案。`
}

const NOTICE_OPENING = [
  '一、备案后，在就医地所有跨省联网定点医疗机构住院可直接结算；门诊按参保地异地就医规定选择联网定点医药机构。',
  '二、报销范围执行就医地目录；起付标准、支付比例和最高支付限额执行参保地政策。',
]
const NOTICE_CLOSING = [
  '四、以承诺方式备案的，请在有效期内补齐证明材料，否则备案到期失效。',
  '五、未按规定备案，或在非联网定点机构发生的费用，按参保地规定办理手工报销。',
]
const NOTICE_READ = '我已阅读并了解《备案告知书》的内容，愿意遵守相关规定。'
const PROMISES = [
  '我暂时无法提供备案证明材料，保证本人符合此次备案的条件。',
  '我填写的信息真实、准确、完整。',
  '我同意医保经办机构通过信息共享核实我的情况。',
  '如与事实不符，由此造成的经济损失和法律责任由我本人承担。',
]
const TRAUMA_COMMITMENTS = [
  '我同意医保经办机构通过信息共享查询与本次业务有关的信息。',
  '我提供的材料真实合法；如有伪造或骗取医保待遇的行为，我愿意承担全部后果，并同意将虚假行为纳入信用管理。',
  '本次受伤与第三方责任和工伤责任无关；如经查实有关，我将全额退回已享受的医保待遇，并承担相应法律责任。',
]
const ANTI_FRAUD = '反欺诈提示：以伪造证明材料等手段骗取医疗保障待遇的，属于刑法第二百六十六条规定的诈骗行为，将依法追究刑事责任。'

/**
 * Every edition of the default wording ever shown, newest last. A signed promise records the
 * version it read, and its print shows that edition, not today's: an edition is never edited or
 * removed once people have signed it, only followed by a new one.
 * 1: one "lower" line for every temporary trip; 2: the region's own cuts (Yunnan 四(一));
 * 3: reading the notice confirmed once, by its own checkbox, not again among the commitments.
 */
const EDITIONS: readonly ((cuts: RatioCuts) => Omit<PolicyTexts, 'version'>)[] = [
  () => ({
    filingNotice: [...NOTICE_OPENING, '三、临时外出就医的支付比例低于参保地同级医疗机构；异地急诊抢救视同已备案。', ...NOTICE_CLOSING].join('\n'),
    promiseCommitments: [NOTICE_READ, ...PROMISES],
    traumaCommitments: TRAUMA_COMMITMENTS,
    antiFraudWarning: ANTI_FRAUD,
  }),
  cuts => ({
    filingNotice: [...NOTICE_OPENING, temporaryCareLine(cuts), ...NOTICE_CLOSING].join('\n'),
    promiseCommitments: [NOTICE_READ, ...PROMISES],
    traumaCommitments: TRAUMA_COMMITMENTS,
    antiFraudWarning: ANTI_FRAUD,
  }),
  cuts => ({
    filingNotice: [...NOTICE_OPENING, temporaryCareLine(cuts), ...NOTICE_CLOSING].join('\n'),
    promiseCommitments: PROMISES,
    traumaCommitments: TRAUMA_COMMITMENTS,
    antiFraudWarning: ANTI_FRAUD,
  }),
]

const versionOf = (edition: number, cuts: RatioCuts) =>
  edition === 1 ? 'default-2026-1' : `default-2026-${edition}-${cuts.referral}-${cuts.emergency}-${cuts.otherTemporary}`

/**
 * Default wording of the notice and the commitments for a region's ratio cuts, written for this
 * product from the content listed in DOMAIN §5 and §9 (001 annex 2 and annex 11): the newest
 * edition. A deployment replaces them per insured region through the policy table.
 */
export function defaultPolicyTexts(cuts: RatioCuts): PolicyTexts {
  return { version: versionOf(EDITIONS.length, cuts), ...EDITIONS.at(-1)!(cuts) }
}

/**
 * The wording a person read when they signed `version`: a default edition rebuilt from the
 * version's own figures. Undefined for a version this build never showed (a deployment's own
 * texts): the caller then shows the current texts and says so.
 */
export function textsOfVersion(version: string): PolicyTexts | undefined {
  const match = /^default-2026-(\d+)(?:-(\d+)-(\d+)-(\d+))?$/.exec(version)
  const edition = Number(match?.[1])
  if (!match || !EDITIONS[edition - 1] || (edition > 1) !== (match[2] !== undefined))
    return undefined
  const cuts = { referral: Number(match[2] ?? 0), emergency: Number(match[3] ?? 0), otherTemporary: Number(match[4] ?? 0) }
  return { version, ...EDITIONS[edition - 1]!(cuts) }
}

/**
 * What a print shows for a paper signed under `version`: the region's texts when they are that
 * version, else the edition rebuilt from it; failing both, today's texts, with `exact` false so
 * the print says they may differ from what was signed.
 */
export function textsSignedUnder(version: string | undefined, current: PolicyTexts): { texts: PolicyTexts, exact: boolean } {
  if (version === undefined || version === current.version)
    return { texts: current, exact: version !== undefined }
  const then = textsOfVersion(version)
  return then ? { texts: then, exact: true } : { texts: current, exact: false }
}
