import { createRouter, createWebHistory } from 'vue-router'
import { inPatientMode } from './features/trauma/patientMode'
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
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  routes: [
    // Patient mode: only the commitment form, full screen, until the staff password is given.
    {
      path: '/counter/trauma/sign',
      name: 'trauma-sign',
      component: () => import('./features/trauma/TraumaSignView.vue'),
      beforeEnter: to => import('./features/counter/requireCounterSession').then(guard => guard.requireCounterSession(to)),
    },
    { path: '/counter/trauma/:id/print', name: 'trauma-print', component: () => import('./features/trauma/TraumaPrintView.vue') },
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

// A tablet in patient mode shows the commitment form and nothing else (back button, typed URLs).
router.beforeEach(to => (inPatientMode() && to.name !== 'trauma-sign' ? { name: 'trauma-sign' } : true))

watchChunkLoadErrors(router)
