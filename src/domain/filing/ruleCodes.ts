/** Stable refusal codes of the filing rules (DESIGN §4), with their zh-CN messages. */
export const FILING_RULE_MESSAGES = {
  not_found: '没有找到这条备案',
  category_not_allowed: '参保地不办理这一人员类别的备案',
  insurance_type_not_allowed: '参保地不办理这一险种的异地就医备案',
  promise_not_allowed: '这一人员类别不能用个人承诺代替证明材料，请提交证明材料',
  materials_required: '请提交证明材料，或签署个人承诺书',
  promise_already_active: '已有一条承诺制备案尚未补齐材料，同一时间只能有一条承诺制备案',
  promise_lapsed: '曾有承诺制备案到期未补齐材料，不能再以承诺方式备案，请提交证明材料',
  destination_is_home: '就医地不能是参保地',
  destination_province_not_allowed: '该省须备案到地市，只有北京、天津、上海、重庆、海南、西藏和新疆生产建设兵团可备案到全省',
  destination_conflict: '这个就医地已有同类有效备案，请变更原备案而不是重复备案',
  too_many_filings: '同时生效的长期居住类备案已达上限（工作地和户籍地各一条）',
  filing_inactive: '这条备案已失效，不能再办理',
  filing_locked: '长期居住备案办理后一段时间内不能变更或取消',
  promise_change_locked: '承诺制备案补齐材料前不能变更备案信息',
  new_filing_required: '参保地或险种变了，需要重新办理备案',
  not_promise_filing: '这条备案不是承诺制备案，无需补充材料',
  materials_already_supplied: '这条备案已补齐材料',
  long_stay_not_declared: '参保地规定，长期异地就医人员须长期在参保地以外工作、居住、生活满半年及以上：请确认后再提交，不满半年的请按临时外出就医备案',
  start_in_past: '开始日期不能早于今天。已经住院的，请选择"已经住院"并填写入院日期，备案可从入院之日起生效',
  admission_in_future: '入院日期不能晚于今天',
  late_filing_start: '住院期间补办备案，开始日期应为入院日期',
  late_filing_window_missed: '如需为今后的就医备案，请选择"未住院"，开始日期从今天起',
} as const

export type FilingRuleCode = keyof typeof FILING_RULE_MESSAGES
