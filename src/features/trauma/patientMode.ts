/**
 * Patient mode: the counter hands the tablet to a patient showing only the commitment form.
 * The flag lives in sessionStorage so a reload stays locked; only the staff password lifts it.
 */
const KEY = 'yidi:patient-mode'

export function enterPatientMode(): void {
  sessionStorage.setItem(KEY, '1')
}

export function leavePatientMode(): void {
  sessionStorage.removeItem(KEY)
}

export function inPatientMode(): boolean {
  return typeof sessionStorage !== 'undefined' && sessionStorage.getItem(KEY) === '1'
}
