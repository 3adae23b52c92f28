import { type Insertable, type Kysely, sql } from 'kysely'
import { type DesignatedHospital, HOSPITAL_PAGE_SIZE, type HospitalSearch, type HospitalSearchResponse } from '../../src/domain/schemas/hospital.ts'
import type { Database } from '../store/index.ts'
import type { HospitalsTable } from '../store/schema.ts'

function fromRow(row: HospitalsTable): DesignatedHospital {
  return {
    code: row.code,
    name: row.name,
    city: row.city,
    level: row.level as DesignatedHospital['level'],
    address: row.address,
    phone: row.phone,
    inpatient: row.inpatient === 1,
    outpatient: row.outpatient === 1,
    chronic: row.chronic === 1,
    canRefer: row.can_refer === 1,
    sample: row.sample === 1,
  }
}

function hospitalRow(hospital: DesignatedHospital, updatedAt: string): Insertable<HospitalsTable> {
  return {
    code: hospital.code,
    name: hospital.name,
    city: hospital.city,
    level: hospital.level,
    address: hospital.address,
    phone: hospital.phone,
    inpatient: Number(hospital.inpatient),
    outpatient: Number(hospital.outpatient),
    chronic: Number(hospital.chronic),
    can_refer: Number(hospital.canRefer),
    sample: Number(hospital.sample),
    updated_at: updatedAt,
  }
}

const UPDATED_COLUMNS = ['name', 'city', 'level', 'address', 'phone', 'inpatient', 'outpatient', 'chronic', 'can_refer', 'sample', 'updated_at'] as const

/**
 * Writes hospitals, replacing any with the same 医疗机构代码, so importing a file twice leaves
 * the directory as once. The caller chooses the transaction.
 */
export async function upsertHospitals(db: Kysely<Database>, hospitals: readonly DesignatedHospital[], updatedAt: string): Promise<void> {
  const CHUNK = 500
  for (let start = 0; start < hospitals.length; start += CHUNK) {
    await db.insertInto('hospitals').values(hospitals.slice(start, start + CHUNK).map(hospital => hospitalRow(hospital, updatedAt)))
      .onConflict(conflict => conflict.column('code').doUpdateSet(eb =>
        Object.fromEntries(UPDATED_COLUMNS.map(column => [column, eb.ref(`excluded.${column}`)])) as never))
      .execute()
  }
}

/** True when the directory lists no hospital at all (a fresh database). */
export async function directoryIsEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('hospitals').select('code').limit(1).executeTakeFirst()) === undefined
}

/** True when the directory lists any hospital of the city: then a hospital of it must be one of them. */
export async function directoryKnowsCity(db: Kysely<Database>, city: string): Promise<boolean> {
  return (await db.selectFrom('hospitals').select('code').where('city', '=', city).limit(1).executeTakeFirst()) !== undefined
}

/** The city's hospital with the lowest code, if the directory lists any. */
export async function firstHospitalOf(db: Kysely<Database>, city: string): Promise<DesignatedHospital | undefined> {
  const row = await db.selectFrom('hospitals').selectAll().where('city', '=', city).orderBy('code').limit(1).executeTakeFirst()
  return row && fromRow(row)
}

export async function hospitalByCode(db: Kysely<Database>, code: string): Promise<DesignatedHospital | undefined> {
  const row = await db.selectFrom('hospitals').selectAll().where('code', '=', code).executeTakeFirst()
  return row && fromRow(row)
}

/** `%`, `_` and `\` typed in a name are letters, not wildcards. */
const likePattern = (words: string) => `%${words.toLowerCase().replace(/[\\%_]/g, match => `\\${match}`)}%`

/** One page of a search, as `matchesSearch` (src/domain/hospitals) answers it on the phone. */
export async function searchHospitals(db: Kysely<Database>, search: HospitalSearch): Promise<HospitalSearchResponse> {
  let query = db.selectFrom('hospitals').where('city', '=', search.city)
  if (search.q !== '')
    query = query.where(sql<boolean>`lower(name) like ${likePattern(search.q)} escape '\\'`)
  if (search.level !== '')
    query = query.where('level', '=', search.level)
  for (const service of search.services)
    query = query.where(service, '=', 1)
  if (search.referrals)
    query = query.where('can_refer', '=', 1)
  const { total } = await query.select(eb => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow()
  const rows = await query.selectAll().orderBy('code').limit(HOSPITAL_PAGE_SIZE).offset((search.page - 1) * HOSPITAL_PAGE_SIZE).execute()
  return { hospitals: rows.map(fromRow), total: Number(total), page: search.page, pageSize: HOSPITAL_PAGE_SIZE }
}
