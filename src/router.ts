import { createRouter, createWebHistory, START_LOCATION } from 'vue-router'
import { PATIENT_MODE_HINT, patientModeHinted } from './features/trauma/patientModeHint'
import { watchChunkLoadErrors } from './pwa/chunkLoadErrors'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the screen's title in the app bar. */
    title?: string
    /** The screen the app bar's back arrow leads to (a tab's own screen has none). */
    up?: string
  }
}

// Every route is its own chunk: a first visit downloads only the screen it opens.
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  // A new screen (or the next wizard step) opens at its top; back and forward return where one was.
  // The first screen is at its top already: scrolling there would make the browser lay the page
  // out before it is drawn (≈ 100 ms of a phone's first visit).
  scrollBehavior: (_to, from, saved) => saved ?? (from === START_LOCATION ? false : { top: 0 }),
  routes: [
    // Patient mode: only the commitment form, full screen, until the staff password is given.
    // Only a hand-over opens it; while locked it opens even when the staff session has expired,
    // so the patient can finish (their commitment waits in the outbox for that account).
    {
      path: '/counter/trauma/sign',
      name: 'trauma-sign',
      component: () => import('./features/trauma/TraumaSignView.vue'),
      beforeEnter: () => import('./features/trauma/patientMode').then(async mode => await mode.inPatientMode() || { name: 'counter-trauma' }),
    },
    { path: '/counter/trauma/:id/print', name: 'trauma-print', component: () => import('./features/trauma/TraumaPrintView.vue') },
    {
      path: '/counter/slips/:id/print',
      name: 'counter-slip-print',
      component: () => import('./features/counter/stays/OutsideSlipPrintView.vue'),
      beforeEnter: to => import('./features/counter/requireCounterSession').then(guard => guard.requireCounterSession(to)),
    },
    {
      path: '/counter/settlements/:id/print',
      name: 'counter-settlement-print',
      component: () => import('./features/counter/stays/InpatientSlipPrintView.vue'),
      beforeEnter: to => import('./features/counter/requireCounterSession').then(guard => guard.requireCounterSession(to)),
    },
    // A4 pages for print: no app chrome around them.
    { path: '/lookup/:id/print', name: 'filing-print', meta: { title: 'lookup.printTitle' }, component: () => import('./features/lookup/FilingPrintView.vue') },
    {
      path: '/',
      component: () => import('./components/InsuredLayout.vue'),
      children: [
        { path: '', redirect: '/filing' },
        { path: 'filing', name: 'filing', meta: { title: 'nav.filing' }, component: () => import('./features/filing/FilingHomeView.vue') },
        { path: 'filing/new/:step(\\d)?', name: 'filing-step', meta: { title: 'filing.newTitle', up: 'filing' }, component: () => import('./features/filing/FilingWizardView.vue') },
        { path: 'lookup/:id', name: 'filing-detail', meta: { title: 'lookup.detailTitle', up: 'lookup' }, component: () => import('./features/lookup/FilingDetailView.vue') },
        { path: 'lookup', name: 'lookup', meta: { title: 'nav.lookup' }, component: () => import('./features/lookup/LookupHomeView.vue') },
        { path: 'hospitals', name: 'directory', meta: { title: 'nav.directory' }, component: () => import('./features/directory/DirectoryView.vue') },
        { path: 'reminders', name: 'reminders', meta: { title: 'nav.reminders' }, component: () => import('./features/reminders/RemindersView.vue') },
        { path: 'refund', name: 'refund', meta: { title: 'nav.refund' }, component: () => import('./features/refund/RefundHomeView.vue') },
        { path: 'claims', name: 'claims', meta: { title: 'claims.title', up: 'refund' }, component: () => import('./features/claims/ClaimListView.vue') },
        { path: 'claims/new', name: 'claim-new', meta: { title: 'claims.new', up: 'claims' }, component: () => import('./features/claims/ClaimFormView.vue') },
        { path: 'me/trauma', name: 'my-trauma', meta: { title: 'me.trauma', up: 'me' }, component: () => import('./features/trauma/MyCommitmentsView.vue') },
        { path: 'me', name: 'me', meta: { title: 'nav.me' }, component: () => import('./features/account/AccountView.vue') },
        { path: 'outbox', name: 'outbox', meta: { title: 'nav.outbox', up: 'me' }, component: () => import('./features/outbox/OutboxView.vue') },
        { path: 'sign-in', name: 'sign-in', meta: { title: 'signIn.title', up: 'me' }, component: () => import('./features/account/SignInView.vue') },
      ],
    },
    { path: '/counter/sign-in', name: 'counter-sign-in', component: () => import('./features/counter/CounterSignInView.vue') },
    {
      path: '/counter',
      component: () => import('./features/counter/CounterLayout.vue'),
      beforeEnter: to => import('./features/counter/requireCounterSession').then(guard => guard.requireCounterSession(to)),
      children: [
        { path: '', name: 'counter', component: () => import('./features/counter/verify/CounterVerifyView.vue') },
        { path: 'trauma', name: 'counter-trauma', component: () => import('./features/trauma/TraumaListView.vue') },
        { path: 'stays', name: 'counter-stays', component: () => import('./features/counter/stays/CounterStaysView.vue') },
        { path: 'stays/:id', name: 'counter-stay', component: () => import('./features/counter/stays/CounterStayView.vue') },
        { path: 'settle', name: 'counter-settle', component: () => import('./features/counter/CounterSettleView.vue') },
        { path: 'refunds', name: 'counter-refunds', component: () => import('./features/counter/CounterRefundsView.vue') },
        { path: 'audit', name: 'counter-audit', component: () => import('./features/counter/CounterAuditView.vue') },
        { path: 'outbox', name: 'counter-outbox', component: () => import('./features/outbox/OutboxView.vue') },
      ],
    },
    // The 参保地 agency's review desk: online, signed in for this tab only.
    { path: '/agency/sign-in', name: 'agency-sign-in', component: () => import('./features/agency/AgencySignInView.vue') },
    {
      path: '/agency',
      component: () => import('./features/agency/AgencyLayout.vue'),
      beforeEnter: to => import('./features/agency/requireAgencySession').then(guard => guard.requireAgencySession(to)),
      children: [
        { path: '', name: 'agency', component: () => import('./features/agency/AgencyClaimsView.vue') },
        { path: 'claims/:id', name: 'agency-claim', component: () => import('./features/agency/AgencyClaimView.vue') },
      ],
    },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./components/NotFoundView.vue') },
  ],
})

/**
 * A tablet in patient mode shows the commitment form and nothing else: back button, typed URLs,
 * other tabs, a browser restart. Counter screens read the lock in IndexedDB every time (they load
 * it anyway); the others, and the counter's sign-in, which shows no one's data, only when the
 * lock's mirror in localStorage says so: their first screen does not wait for IndexedDB.
 */
router.beforeEach(async (to) => {
  const counterScreen = to.path.startsWith('/counter') && to.name !== 'counter-sign-in'
  if (!counterScreen && !patientModeHinted())
    return true
  const { patientModeRoute } = await import('./features/trauma/patientMode')
  return patientModeRoute(to)
})

// Another tab just locked the device: this tab leaves its screen too (the guard above decides).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== PATIENT_MODE_HINT || !event.newValue)
      return
    const { path, query, hash } = router.currentRoute.value
    void router.replace({ path, query, hash, force: true })
  })
}

watchChunkLoadErrors(router)
