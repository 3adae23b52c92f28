import type { ActionType } from '../domain/schemas/actions'

/** How each action is named to the person in lists of unsynced work. */
export const ACTION_LABELS: Record<ActionType, string> = {
  'filing.create': '新建备案',
  'filing.change': '变更备案',
  'filing.cancel': '取消备案',
  'filing.supplement': '补充备案材料',
  'trauma.sign': '签署外伤无第三方责任承诺书',
  'admission.record': '入院登记',
  'admission.discharge': '出院登记（未直接结算）',
  'counter.verify.logged': '备案核验记录',
  'settlement.record': '结算登记',
  'refund.request': '退费申请',
  'refund.process': '退费审核',
  'outsideSlip.issue': '开具外院检查治疗或购药单',
  'outsideSlip.recordCosts': '录入外院检查或购药费用',
  'claim.submit': '手工报销申请',
  'claim.decide': '手工报销审核',
}
