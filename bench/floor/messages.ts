export default {
  title: '备案', heading: '异地就医备案', lead: '跨省、省内异地就医前先备案，出院时可直接结算。',
  promise: '承诺制备案', promiseLabel: '免证明材料、免经办审核、即时开通：签署个人承诺书即可。',
  elder: '长辈模式', elderLabel: '大字体、大按钮，看得清、点得准', start: '开始备案',
  nav: { filing: '备案', lookup: '查询', directory: '定点医院', reminders: '提醒', refund: '退费', me: '我的' },
}
