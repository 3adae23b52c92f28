/**
 * A one-word mirror of the patient-mode lock in localStorage, read by the router before any
 * screen: a phone's first screen must not wait for IndexedDB (Dexie stays out of its first
 * download), so routes outside `/counter` read the lock itself only when this says "locked".
 * Counter routes always read the lock in IndexedDB, which stays the truth. Every tab sees a
 * change at once through the `storage` event.
 */
export const PATIENT_MODE_HINT = 'yidi.patientMode'

export function patientModeHinted(): boolean {
  try {
    return localStorage.getItem(PATIENT_MODE_HINT) === 'locked'
  }
  catch {
    // Storage blocked (a privacy setting): read the lock itself on every route.
    return true
  }
}

export function setPatientModeHint(locked: boolean): void {
  try {
    if (locked)
      localStorage.setItem(PATIENT_MODE_HINT, 'locked')
    else
      localStorage.removeItem(PATIENT_MODE_HINT)
  }
  catch {
    // Without localStorage every route reads IndexedDB (see patientModeHinted).
  }
}
