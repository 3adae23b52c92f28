import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]

const LOCALE_STORAGE_KEY = 'yidi.locale'

function isAppLocale(value: unknown): value is AppLocale {
  return SUPPORTED_LOCALES.includes(value as AppLocale)
}

/** The language chosen earlier on this device; Chinese until someone picks another. */
export function rememberedLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(LOCALE_STORAGE_KEY)
    return isAppLocale(saved) ? saved : 'zh-CN'
  }
  catch {
    return 'zh-CN'
  }
}

// Only Chinese is in the first download; English is fetched when someone picks it (or picked it
// earlier on this device, see applyRememberedLocale). The messages arrive precompiled
// (@intlify/unplugin-vue-i18n, see vite.config.ts), so the runtime carries no message compiler.
export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN },
  datetimeFormats: {
    'zh-CN': { long: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false } },
    'en': { long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
  },
})

/** Fetches a language's messages the first time it is shown. */
async function loadMessages(locale: AppLocale): Promise<void> {
  if (i18n.global.availableLocales.includes(locale))
    return
  // Typed as the Chinese messages: a key missing from en.ts fails the type check.
  const messages: typeof zhCN = (await import('./en')).default
  i18n.global.setLocaleMessage(locale, messages)
}

/** Switches the UI language (Vant's own texts included) and remembers the choice. */
export async function setLocale(locale: AppLocale): Promise<void> {
  await loadMessages(locale)
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  await applyVantLocale(locale)
}

async function applyVantLocale(locale: AppLocale): Promise<void> {
  const { Locale } = await import('vant')
  if (locale === 'en') {
    const { default: enUS } = await import('vant/es/locale/lang/en-US')
    Locale.use('en-US', enUS)
  }
  else {
    const { default: zh } = await import('vant/es/locale/lang/zh-CN')
    Locale.use('zh-CN', zh)
  }
}

/**
 * Applies the remembered language at start-up, before the app is mounted so that an English
 * phone never flashes Chinese; the Chinese default needs no work.
 */
export async function applyRememberedLocale(): Promise<void> {
  const locale = rememberedLocale()
  document.documentElement.lang = locale
  if (locale === 'zh-CN')
    return
  await Promise.all([loadMessages(locale), applyVantLocale(locale)])
  i18n.global.locale.value = locale
}
