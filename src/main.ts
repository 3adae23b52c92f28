import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { applyRememberedElderMode } from './components/elderMode'
import { enableKeyboardChoices } from './components/keyboardChoices'
import { applyRememberedLocale, i18n } from './i18n'
import { router } from './router'
import './styles/base.css'
import './styles/elderMode.css'

// 长辈模式 before anything is drawn, so large text never follows a flash of small text.
applyRememberedElderMode()

// A language that cannot be fetched leaves the app in Chinese rather than not starting at all.
await applyRememberedLocale().catch(() => {})

createApp(App)
  .use(createPinia())
  .use(router)
  .use(i18n)
  .mount('#app')

enableKeyboardChoices()
