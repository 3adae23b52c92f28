import express from 'express'
import { hospitalSearchSchema, type HospitalSearchResponse } from '../../src/domain/schemas/hospital.ts'
import type { Store } from '../store/index.ts'
import { searchHospitals } from './repository.ts'

/**
 * `GET /hospitals?city=530100&q=&level=&services=inpatient,chronic&page=1`: the 定点医疗机构
 * directory, for anyone (nothing in it is personal). A bad parameter is a 400 in words; the
 * answer may be cached for an hour, by the browser and by any cache between.
 */
export function hospitalRoutes(store: Store): express.Router {
  const router = express.Router()
  router.get('/hospitals', async (req, res) => {
    const search = hospitalSearchSchema.parse(req.query)
    res.set('Cache-Control', 'public, max-age=3600')
    res.json(await searchHospitals(store.db, search) satisfies HospitalSearchResponse)
  })
  return router
}
