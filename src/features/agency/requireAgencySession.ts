import type { RouteLocationNormalized } from 'vue-router'
import { readAgencySession } from './agencySession'

/** The desk's screens need an agency sign-in of this tab; otherwise the sign-in page opens. */
export function requireAgencySession(_to: RouteLocationNormalized) {
  return readAgencySession() ? true : { name: 'agency-sign-in' }
}
