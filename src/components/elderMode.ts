import { readonly, ref } from 'vue'

/**
 * 长辈模式 (as the national 国家医保服务平台 app offers it): large text and larger touch targets.
 * It is a class on the root element that swaps Vant's size variables (src/styles/elderMode.css),
 * so every screen follows without a style of its own. The choice is kept in localStorage: it is
 * read synchronously before the app is mounted (no flash of small text) and needs no network.
 */
export const ELDER_MODE_CLASS = 'yidi-elder'
const ELDER_MODE_STORAGE_KEY = 'yidi.elderMode'

function remembered(): boolean {
  try {
    return localStorage.getItem(ELDER_MODE_STORAGE_KEY) === 'on'
  }
  catch {
    // Storage refused (private mode, a locked-down browser): the standard sizes.
    return false
  }
}

const on = ref(remembered())

/** Whether 长辈模式 is on for this device; change it with setElderMode. */
export const elderMode = readonly(on)

/** Puts the remembered choice on the page; called before the app is mounted. */
export function applyRememberedElderMode(): void {
  on.value = remembered()
  document.documentElement.classList.toggle(ELDER_MODE_CLASS, on.value)
}

/** Turns 长辈模式 on or off at once and keeps the choice on this device. */
export function setElderMode(enabled: boolean): void {
  on.value = enabled
  document.documentElement.classList.toggle(ELDER_MODE_CLASS, enabled)
  try {
    if (enabled)
      localStorage.setItem(ELDER_MODE_STORAGE_KEY, 'on')
    else
      localStorage.removeItem(ELDER_MODE_STORAGE_KEY)
  }
  catch {
    // Not kept across reloads when storage is refused; it still applies now.
  }
}
