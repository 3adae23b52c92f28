// The stack's floor: the filing start screen's frame and components with none of the app's code.
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { createI18n } from 'vue-i18n'
import { createRouter, createWebHistory } from 'vue-router'
import FloorApp from './FloorApp.vue'
import messages from './messages'

const router = createRouter({ history: createWebHistory(), routes: [{ path: '/:path(.*)*', component: () => import('./FloorScreen.vue') }] })
createApp(FloorApp)
  .use(createPinia())
  .use(router)
  .use(createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': messages } }))
  .mount('#app')
