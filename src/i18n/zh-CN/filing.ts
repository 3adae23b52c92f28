export default {
  filing: {
    title: '异地就医备案',
    intro: '跨省、省内异地就医前先备案，出院时可直接结算。',
    promiseTitle: '承诺制备案',
    promiseBody: '免证明材料、免经办审核、即时开通：签署个人承诺书即可。',
    start: '开始备案',
    newTitle: '新建备案',
    resume: '继续填写上次的备案',
  },
}
