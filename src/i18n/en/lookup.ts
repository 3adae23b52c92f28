export default {
  lookup: {
    title: 'My filings',
    empty: 'No filings on this device yet',
    hint: 'After filing, see status, validity and the QR credential here, even offline.',
    detailTitle: 'Filing details',
    printTitle: 'Print filing form',
  },
}
