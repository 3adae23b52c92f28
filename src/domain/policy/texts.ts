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

/**
 * Default wording of the notice and the commitments for a region's ratio cuts, written for this
 * product from the content listed in DOMAIN §5 and §9 (001 annex 2 and annex 11). A deployment
 * replaces them per insured region through the policy table. The version names the wording, so a
 * signed promise records which one the person read.
 */
export function defaultPolicyTexts(cuts: RatioCuts): PolicyTexts {
  return {
    version: `default-2026-3-${cuts.referral}-${cuts.emergency}-${cuts.otherTemporary}`,
    filingNotice: [
      '一、备案后，在就医地所有跨省联网定点医疗机构住院可直接结算；门诊按参保地异地就医规定选择联网定点医药机构。',
      '二、报销范围执行就医地目录；起付标准、支付比例和最高支付限额执行参保地政策。',
      temporaryCareLine(cuts),
      '四、以承诺方式备案的，请在有效期内补齐证明材料，否则备案到期失效。',
      '五、未按规定备案，或在非联网定点机构发生的费用，按参保地规定办理手工报销。',
    ].join('\n'),
    // Reading the notice is confirmed once, by its own checkbox under the notice (promise.noticeAccepted).
    promiseCommitments: [
      '我暂时无法提供备案证明材料，保证本人符合此次备案的条件。',
      '我填写的信息真实、准确、完整。',
      '我同意医保经办机构通过信息共享核实我的情况。',
      '如与事实不符，由此造成的经济损失和法律责任由我本人承担。',
    ],
    traumaCommitments: [
      '我同意医保经办机构通过信息共享查询与本次业务有关的信息。',
      '我提供的材料真实合法；如有伪造或骗取医保待遇的行为，我愿意承担全部后果，并同意将虚假行为纳入信用管理。',
      '本次受伤与第三方责任和工伤责任无关；如经查实有关，我将全额退回已享受的医保待遇，并承担相应法律责任。',
    ],
    antiFraudWarning: '反欺诈提示：以伪造证明材料等手段骗取医疗保障待遇的，属于刑法第二百六十六条规定的诈骗行为，将依法追究刑事责任。',
  }
}
