import type zhCN from './zh-CN'

const en: typeof zhCN = {
  app: {
    name: 'Cross-region Care Filing',
    shortName: 'Yidi',
  },
  nav: {
    filing: 'File',
    lookup: 'My filings',
    refund: 'Refunds',
    me: 'Me',
  },
  filing: {
    title: 'Cross-region care filing',
    intro: 'File before treatment away from home so the bill settles directly at discharge.',
    promiseTitle: 'File by personal promise',
    promiseBody: 'No documents, no manual review, effective at once: sign a personal promise.',
    start: 'Start filing',
    comingSoon: 'The filing wizard opens soon',
  },
  lookup: {
    title: 'My filings',
    empty: 'No filings on this device yet',
    hint: 'After filing, see status, validity and the QR credential here, even offline.',
  },
  refund: {
    title: 'Outpatient refunds',
    empty: 'No outpatient settlements yet',
    hint: 'Request refunds of outpatient settlements made at designated hospitals away from home.',
  },
  me: {
    title: 'Me',
    language: 'Language',
    storage: 'Storage on this device',
    storageUsed: '{used} used of {quota}',
    storageUnknown: 'Storage use is not available',
    storageWarning: 'Storage on this device is {percent}% full. Sync first, then remove drafts you no longer need.',
    clearData: 'Clear personal data on this device',
    clearConfirm: 'Filings, drafts and unsynced actions stored here will be deleted. Unsynced actions are lost. Clear now?',
    cleared: 'Personal data on this device was cleared',
    counterEntry: 'Hospital counter',
    version: 'Version',
  },
  counter: {
    title: 'Insurance counter workspace',
    hospitalUnknown: 'No hospital signed in',
    verify: 'Admission filing check',
    verifyHint: 'Scan the filing QR code or enter the ID number to check direct settlement.',
    backToInsured: 'Back to personal app',
  },
  pwa: {
    updateReady: 'A new version is available',
    updateBody: 'The page reloads after updating; what you typed has been saved.',
    updateNow: 'Update now',
    later: 'Later',
    offlineReady: 'Ready to work offline',
  },
  install: {
    iosTitle: 'Add to Home Screen',
    iosBody: 'In Safari tap Share, then "Add to Home Screen". Otherwise Safari may delete filings and drafts saved here after 7 days without use.',
    dismiss: 'Got it',
  },
  notFound: {
    title: 'Page not found',
    back: 'Back to start',
  },
  common: {
    confirm: 'OK',
    cancel: 'Cancel',
  },
}

export default en
