import type { Express } from 'express'
import { upsertRecords } from '../../../server/registry/repository.ts'
import type { Store } from '../../../server/store/index.ts'
import { cityOf } from '../../../src/domain/regions/codes.ts'
import { type InsuredRecord, type InsuredRecordInput, insuredRecordSchema } from '../../../src/domain/schemas/registry.ts'

interface Someone {
  idNumber: string
  name: string
  phone: string
}

/**
 * The registry record of a test person: insured as an employee (职工医保) in the city their
 * 身份证号码 was issued in, since 2000, benefits normal, with their phone on record.
 */
export function registryRecord(who: Someone, overrides: Partial<InsuredRecordInput> = {}): InsuredRecord {
  return insuredRecordSchema.parse({
    idNumber: who.idNumber,
    name: who.name,
    sex: Number(who.idNumber[16]) % 2 === 1 ? 'male' : 'female',
    insuredRegion: cityOf(who.idNumber.slice(0, 6)),
    insuranceType: 'employee',
    phones: [who.phone],
    validFrom: '2000-01-01',
    ...overrides,
  })
}

/** Puts people on record (参保登记), replacing their record with the same 参保地 + 险种. */
export async function enrol(store: Store, who: Someone | Someone[], overrides: Partial<InsuredRecordInput> = {}): Promise<void> {
  const people = Array.isArray(who) ? who : [who]
  await upsertRecords(store.db, people.map(person => registryRecord(person, overrides)), new Date().toISOString())
}

// The store behind each test app, so signing in can put the person on record first.
const storesOfApps = new WeakMap<Express, Store>()

/** Remembers which store an app runs on (see `testApp`). */
export function rememberStore(app: Express, store: Store): Express {
  storesOfApps.set(app, store)
  return app
}

/** The store of an app made by `testApp`, if any. */
export function storeOfApp(app: Express): Store | undefined {
  return storesOfApps.get(app)
}
