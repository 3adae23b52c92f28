import { ApiProblem, callApi } from '../../api'
import type { YidiDatabase } from '../../db/database'
import { matchesSearch, searchDirectory } from '../../domain/hospitals/searchDirectory'
import type { HospitalSearch, HospitalSearchResponse } from '../../domain/schemas/hospital'

/** A search's answer, and where it came from: the server now, or what this phone saved earlier. */
export interface FoundHospitals extends HospitalSearchResponse {
  source: 'online' | 'saved'
  /** Offline, and this phone has never seen a hospital of the city online. */
  nothingSaved: boolean
}

function queryOf(search: HospitalSearch): string {
  const params = new URLSearchParams({ city: search.city, page: String(search.page) })
  if (search.q)
    params.set('q', search.q)
  if (search.level)
    params.set('level', search.level)
  if (search.services.length > 0)
    params.set('services', search.services.join(','))
  if (search.referrals)
    params.set('referrals', '1')
  return params.toString()
}

/**
 * Searches the 定点医疗机构 directory: online, the server answers and every hospital it shows is
 * saved on the phone; without a network, the hospitals saved earlier answer the same search the
 * same way (`searchDirectory` asks what the server's query asks). Other problems are thrown.
 */
export async function findHospitals(database: YidiDatabase, search: HospitalSearch): Promise<FoundHospitals> {
  try {
    const reply = await callApi<HospitalSearchResponse>(`/hospitals?${queryOf(search)}`)
    const savedAt = new Date().toISOString()
    await database.transaction('rw', database.hospitals, async () => {
      // A whole answer on one page is the city's truth for this search: a hospital saved earlier
      // that it no longer lists has left the directory (or its 联网) and must not answer offline.
      if (reply.page === 1 && reply.total <= reply.pageSize) {
        const listed = new Set(reply.hospitals.map(hospital => hospital.code))
        const saved = await database.hospitals.where('city').equals(search.city).toArray()
        await database.hospitals.bulkDelete(saved.filter(hospital => matchesSearch(hospital, search) && !listed.has(hospital.code)).map(hospital => hospital.code))
      }
      await database.hospitals.bulkPut(reply.hospitals.map(hospital => ({ ...hospital, savedAt })))
    })
    return { ...reply, source: 'online', nothingSaved: false }
  }
  catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 0)
      throw error
  }
  const saved = await database.hospitals.where('city').equals(search.city).toArray()
  return { ...searchDirectory(saved, search), source: 'saved', nothingSaved: saved.length === 0 }
}
