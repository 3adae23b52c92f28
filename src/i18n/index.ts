import { createI18n } from 'vue-i18n'
import en from './en'
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

export const i18n = createI18n({
  legacy: false,
  locale: rememberedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  datetimeFormats: {
    'zh-CN': { long: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false } },
    'en': { long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
  },
})

/** Switches the UI language (Vant's own texts included) and remembers the choice. */
export async function setLocale(locale: AppLocale): Promise<void> {
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

/** Applies the remembered language at start-up (the Chinese default needs no work). */
export async function applyRememberedLocale(): Promise<void> {
  const locale = rememberedLocale()
  document.documentElement.lang = locale
  if (locale !== 'zh-CN')
    await applyVantLocale(locale)
}
