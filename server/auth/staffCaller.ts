import type { Selectable } from 'kysely'
import type { StaffAccountsTable } from '../store/schema.ts'
import type { AgencyCaller, CounterCaller } from './caller.ts'

/** The caller a staff account signs in as: a hospital counter, or a 参保地 agency desk. */
export function staffCallerOf(account: Selectable<StaffAccountsTable>): CounterCaller | AgencyCaller {
  if (account.role === 'agency')
    return { role: 'agency', username: account.username, agencyName: account.hospital_name, regionCode: account.city_code }
  return { role: 'counter', username: account.username, hospitalCode: account.hospital_code, hospitalName: account.hospital_name, cityCode: account.city_code }
}

/** What the sign-in reply says about the account's place: its hospital, or its agency's 统筹区. */
export function staffPlaceOf(caller: CounterCaller | AgencyCaller) {
  return caller.role === 'agency'
    ? { agency: { name: caller.agencyName, regionCode: caller.regionCode } }
    : { hospital: { code: caller.hospitalCode, name: caller.hospitalName, cityCode: caller.cityCode } }
}
