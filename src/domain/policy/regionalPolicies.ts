import type { RegionPolicy } from './types'
import { FILING_CATEGORIES } from '../filing/categories'
import { NATIONAL_POLICY } from './national'
import { defaultPolicyTexts } from './texts'

const LONG_TERM_PROMISE = NATIONAL_POLICY.promise.categories

/** Yunnan 四(一): referral and emergency "不得降低支付比例". */
const YUNNAN_CUTS = { referral: 0, emergency: 0, otherTemporary: 20 }

/** 云南 (000): 承诺制 for every filing, instant; no cut for referral/emergency; unfiled ≥ 50%. */
export const YUNNAN_POLICY: RegionPolicy = {
  ...NATIONAL_POLICY,
  region: '530000',
  name: '云南省',
  sources: ['云南 通知 三(二) 三(四) 四(一)', '云南规程 第八条 第九条 第十条 第十一条 第十二条'],
  promise: { ...NATIONAL_POLICY.promise, categories: NATIONAL_POLICY.categories },
  ratioCutPoints: YUNNAN_CUTS,
  unfiledFloorRatioPercent: 50,
  texts: defaultPolicyTexts(YUNNAN_CUTS),
}

/** 重庆 (001): temporary filings valid 1 year; promise replaces proof for long-term only. */
export const CHONGQING_POLICY: RegionPolicy = {
  ...NATIONAL_POLICY,
  region: '500000',
  name: '重庆市',
  sources: ['重庆规程 第六条 第七条 第八条 第九条 第十条'],
  temporaryValidity: {
    referral: { kind: 'months', months: 12 },
    other_temporary: { kind: 'months', months: 12 },
  },
  promise: { ...NATIONAL_POLICY.promise, categories: LONG_TERM_PROMISE },
  onlineProcessingWorkingDays: 2,
}

/**
 * 河北 (002): adds 外出务工农民 and 外来就业创业人员, has no "other temporary" category
 * (第七条); a referral serves that one visit (第九条); no new 就医地 within half a year
 * (第十条); emergencies 补办 within 10 days (第十一条).
 */
export const HEBEI_POLICY: RegionPolicy = {
  ...NATIONAL_POLICY,
  region: '130000',
  name: '河北省',
  sources: ['河北规程 第七条 第九条 第十条 第十一条 第十九条'],
  categories: FILING_CATEGORIES.filter(c => c !== 'other_temporary'),
  temporaryValidity: {
    referral: { kind: 'one_visit' },
    other_temporary: { kind: 'months', months: 6 },
  },
  longTermLock: { months: 6, locks: ['change_destination'] },
  emergencyLateFilingDays: 10,
  longTermMinimumMonths: 6,
}

/**
 * 湛江 (003): 6-month temporary filings, 6-month change/cancel lock, cuts exactly 10 and 20, and
 * no cut for referrals from the five named hospitals (二(六)).
 */
export const ZHANJIANG_POLICY: RegionPolicy = {
  ...NATIONAL_POLICY,
  region: '440800',
  name: '广东省湛江市',
  sources: ['湛医保〔2023〕11号 二(二) 二(四) 二(五) 二(六) 三(一)'],
  longTermLock: { months: 6, locks: ['change_destination', 'change_details', 'cancel'] },
  ratioCutPoints: { referral: 10, emergency: 10, otherTemporary: 20 },
  // 二(六) names "五县（市）人民医院" as one: the people's hospitals of 廉江、雷州、吴川 (市) and
  // 遂溪、徐闻 (县), listed one by one so a referral names the hospital that issued it. Matched by
  // 医疗机构代码 (the county in its digits); the codes are the sample directory's
  // (server/hospitals/sampleHospitals.ts lists these very entries) until 湛江's directory replaces them.
  fullRateReferralHospitals: [
    { code: 'H44080200001', name: '广东医科大学附属医院' },
    { code: 'H44080300001', name: '湛江中心人民医院' },
    { code: 'H44080300002', name: '广东省农垦中心医院' },
    { code: 'H44080300003', name: '南部战区海军第一医院' },
    { code: 'H44088100001', name: '廉江市人民医院' },
    { code: 'H44088200001', name: '雷州市人民医院' },
    { code: 'H44088300001', name: '吴川市人民医院' },
    { code: 'H44082300001', name: '遂溪县人民医院' },
    { code: 'H44082500001', name: '徐闻县人民医院' },
  ],
}

/**
 * 吉林 (004): promise filings for long-term and referral categories, 6 months, one at a time,
 * frozen until materials, never again after a lapse; two destinations at once (第六条);
 * cross-year stays split by days (第十六条); manual claims until the end of next year (第十五条).
 */
export const JILIN_POLICY: RegionPolicy = {
  ...NATIONAL_POLICY,
  region: '220000',
  name: '吉林省',
  sources: ['吉医保规〔2023〕4号 第三条 第四条 第六条 第十二条 第十三条 第十五条 第十六条 第十八条'],
  promise: {
    categories: [...LONG_TERM_PROMISE, 'referral'],
    validityMonths: 6,
    singleActive: true,
    lockedUntilMaterials: true,
    noRepeatAfterLapse: true,
    twoWayBenefitAfterMaterials: true,
  },
  maxLongTermFilings: 2,
  // Jilin 第三条: for a long-term filing "3、4、5 提供任意一项即可".
  proofKinds: {
    ...NATIONAL_POLICY.proofKinds,
    ...Object.fromEntries(['retired_resettled', 'long_term_resident', 'resident_worker'].map(category => [category, ['resettlement', 'residence', 'work']])),
  },
  crossYearStay: 'split_by_days',
  manualClaimYearsAfter: 1,
}

/** The policy table: national default and the five regions of the seeds. */
export const POLICY_TABLE: ReadonlyMap<string, RegionPolicy> = new Map(
  [NATIONAL_POLICY, YUNNAN_POLICY, CHONGQING_POLICY, HEBEI_POLICY, ZHANJIANG_POLICY, JILIN_POLICY]
    .map(policy => [policy.region, policy]),
)
