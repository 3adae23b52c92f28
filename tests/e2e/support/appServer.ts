import type { AddressInfo } from 'node:net'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../../server/app.ts'
import { addAgencyAccount, type NewAgencyAccount } from '../../../server/auth/agencyAccounts.ts'
import { addStaffAccount, type NewStaffAccount } from '../../../server/auth/staffAccounts.ts'
import { seedSampleHospitals } from '../../../server/hospitals/sampleHospitals.ts'
import { createLogger } from '../../../server/http/logger.ts'
import { upsertRecords } from '../../../server/registry/repository.ts'
import { openStore } from '../../../server/store/index.ts'
import { type InsuredRecord, insuredRecordSchema } from '../../../src/domain/schemas/registry.ts'
import { PERSON } from './filingWizard.ts'
import { TRAVELLER } from './seedFiling.ts'

/** The people the specs sign in as, on record as the wizard and the seeded filing expect them. */
const E2E_REGISTRY: InsuredRecord[] = [
  insuredRecordSchema.parse({ ...PERSON, sex: 'female', insuredRegion: '530100', insuranceType: 'employee', phones: [PERSON.phone], validFrom: '2000-01-01' }),
  insuredRecordSchema.parse({ ...TRAVELLER, sex: 'male', insuredRegion: '220100', insuranceType: 'employee', phones: [TRAVELLER.phone], validFrom: '2000-01-01' }),
]

export interface AppServer {
  url: string
  /** Replaces the served client with another build, as a deploy would. */
  deploy: (buildDir: string) => void
  /** Puts people on record (参保登记), replacing records with the same 参保地 + 险种. */
  enrol: (records: InsuredRecord[]) => Promise<void>
  /** Creates a counter account; returns its one-time password. */
  addStaff: (account: NewStaffAccount) => Promise<string>
  /** Creates a 参保地 agency account; returns its one-time password. */
  addAgency: (account: NewAgencyAccount) => Promise<string>
  /** The server's admissions with their injury flags. */
  admissions: () => Promise<{ admission_id: string, name: string, filing_number: string | null, trauma_flag: number, third_party_flag: number, trauma_commitment_id: string | null }[]>
  /** Every action id the server has recorded, with its type and outcome. */
  appliedActions: () => Promise<{ id: string, type: string, status: string }[]>
  close: () => Promise<void>
}

/** The real server on a free port, on a fresh SQLite file, serving a copy of one client build. */
export async function startAppServer(buildDir: string): Promise<AppServer> {
  const workDir = mkdtempSync(join(tmpdir(), 'yidi-e2e-'))
  const clientDir = join(workDir, 'client')
  cpSync(buildDir, clientDir, { recursive: true })
  const store = await openStore({ sqliteFile: join(workDir, 'yidi.sqlite') })
  await upsertRecords(store.db, E2E_REGISTRY, new Date().toISOString())
  // The directory as a development start has it.
  await seedSampleHospitals(store.db)
  const app = createApp({ store, logger: createLogger({ level: 'silent' }), clientDir, devEchoCode: true })
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>(resolve => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    deploy(nextBuildDir) {
      rmSync(clientDir, { recursive: true, force: true })
      cpSync(nextBuildDir, clientDir, { recursive: true })
    },
    enrol: records => upsertRecords(store.db, records, new Date().toISOString()),
    addStaff: account => addStaffAccount(store.db, account),
    addAgency: account => addAgencyAccount(store.db, account),
    admissions: () => store.db.selectFrom('admissions').select(['admission_id', 'name', 'filing_number', 'trauma_flag', 'third_party_flag', 'trauma_commitment_id']).execute(),
    appliedActions: () => store.db.selectFrom('applied_actions').select(['id', 'type', 'status']).execute(),
    async close() {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      await store.close()
      rmSync(workDir, { recursive: true, force: true })
    },
  }
}
