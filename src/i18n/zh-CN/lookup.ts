export default {
  lookup: {
    title: '我的备案',
    empty: '本机还没有备案记录',
    hint: '备案后，可在此查看状态、有效期和备案凭证二维码，无网也能出示。',
    detailTitle: '备案详情',
    printTitle: '打印备案表',
  },
}
