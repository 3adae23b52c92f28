/**
 * The service worker's own script, loaded by the generated one with `importScripts`
 * (vite.config.ts; built by server/build/serviceWorkerScript.ts): each import adds its listeners.
 */
import './backgroundSync'
import './periodicReminders'
