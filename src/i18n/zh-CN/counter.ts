export default {
  counter: {
    title: '医保窗口工作台',
    hospitalUnknown: '未登录医疗机构',
    verify: '入院备案核验',
    audit: '今日核验记录',
    trauma: '外伤承诺书',
    refunds: '退费申请',
    settle: '门诊结算',
    verifyHint: '扫描备案凭证二维码或输入身份证号码，核验能否直接结算。',
    backToInsured: '返回个人端',
  },
}
