import { type DesignatedHospital, HOSPITAL_PAGE_SIZE, type HospitalSearch, type HospitalSearchResponse } from '../schemas/hospital'

/**
 * True when a hospital answers a search: in its city, the name containing the words typed
 * (case-insensitive), of the level asked for, 联网 for every service asked for, able to refer when
 * asked. The server's
 * query (server/hospitals/repository.ts) asks the same, so a search saved on the phone answers
 * offline as it did online.
 */
export function matchesSearch(hospital: DesignatedHospital, search: HospitalSearch): boolean {
  return hospital.city === search.city
    && hospital.name.toLowerCase().includes(search.q.toLowerCase())
    && (search.level === '' || hospital.level === search.level)
    && search.services.every(service => hospital[service])
    && (!search.referrals || hospital.canRefer)
}

/** One page of the hospitals that answer a search, in code order (the server's order too). */
export function searchDirectory<T extends DesignatedHospital>(hospitals: readonly T[], search: HospitalSearch): HospitalSearchResponse & { hospitals: T[] } {
  const matching = hospitals.filter(hospital => matchesSearch(hospital, search)).toSorted((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const start = (search.page - 1) * HOSPITAL_PAGE_SIZE
  return { hospitals: matching.slice(start, start + HOSPITAL_PAGE_SIZE), total: matching.length, page: search.page, pageSize: HOSPITAL_PAGE_SIZE }
}
