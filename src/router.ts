import { createRouter, createWebHistory } from 'vue-router'
import { watchChunkLoadErrors } from './pwa/chunkLoadErrors'

// Every route is its own chunk: a first visit downloads only the screen it opens.
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    {
      path: '/',
      component: () => import('./components/InsuredLayout.vue'),
      children: [
        { path: '', redirect: '/filing' },
        { path: 'filing', name: 'filing', component: () => import('./features/filing/FilingHomeView.vue') },
        { path: 'lookup', name: 'lookup', component: () => import('./features/lookup/LookupHomeView.vue') },
        { path: 'refund', name: 'refund', component: () => import('./features/refund/RefundHomeView.vue') },
        { path: 'me', name: 'me', component: () => import('./features/account/AccountView.vue') },
        { path: 'outbox', name: 'outbox', component: () => import('./features/outbox/OutboxView.vue') },
      ],
    },
    {
      path: '/counter',
      component: () => import('./features/counter/CounterLayout.vue'),
      children: [
        { path: '', name: 'counter', component: () => import('./features/counter/CounterHomeView.vue') },
      ],
    },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./components/NotFoundView.vue') },
  ],
})

watchChunkLoadErrors(router)
