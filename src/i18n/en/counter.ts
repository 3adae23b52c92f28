export default {
  counter: {
    title: 'Insurance counter workspace',
    hospitalUnknown: 'No hospital signed in',
    verify: 'Admission filing check',
    audit: 'Today\'s checks',
    trauma: 'Trauma commitments',
    refunds: 'Refund requests',
    settle: 'Outpatient settlement',
    verifyHint: 'Scan the filing QR code or enter the ID number to check direct settlement.',
    backToInsured: 'Back to personal app',
  },
}
