export default {
  filing: {
    title: 'Cross-region care filing',
    intro: 'File before treatment away from home so the bill settles directly at discharge.',
    promiseTitle: 'File by personal promise',
    promiseBody: 'No documents, no manual review, effective at once: sign a personal promise.',
    start: 'Start filing',
    newTitle: 'New filing',
    resume: 'Continue your unfinished filing',
  },
}
