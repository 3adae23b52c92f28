import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** What the app knows about its own version: a newer one waiting, or a screen that failed to load. */
export const usePwaStore = defineStore('pwa', () => {
  /** A new service worker is installed and waits for the person to accept it. */
  const newVersionWaiting = ref(false)
  /** Where someone was going when a screen of the old version could not be loaded. */
  const failedNavigation = ref<string | null>(null)

  const updateAvailable = computed(() => newVersionWaiting.value || failedNavigation.value !== null)

  return { newVersionWaiting, failedNavigation, updateAvailable }
})

if (import.meta.hot)
  import.meta.hot.accept(acceptHMRUpdate(usePwaStore, import.meta.hot))
