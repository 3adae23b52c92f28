import type { Migration, MigrationProvider } from 'kysely/migration'
import * as serverSettings from './0001_server_settings.ts'
import * as accounts from './0002_accounts.ts'
import * as sync from './0003_sync.ts'
import * as filings from './0004_filings.ts'
import * as admissionsTrauma from './0005_admissions_trauma.ts'
import * as settlements from './0006_settlements.ts'
import * as retentionAndLimits from './0007_retention_and_limits.ts'
import * as registry from './0008_registry.ts'
import * as staffSessions from './0009_staff_sessions.ts'
import * as stays from './0010_stays.ts'
import * as claims from './0011_claims.ts'
import * as hospitals from './0012_hospitals.ts'
import * as ownerKeys from './0014_owner_keys.ts'
import * as filingActors from './0015_filing_actors.ts'
import * as reminders from './0016_reminders.ts'
import * as outsideSlips from './0017_outside_slips.ts'
import * as reminderSubjects from './0018_reminder_subjects.ts'
import * as auditPatient from './0020_audit_patient.ts'
import * as referrerCodes from './0021_referrer_codes.ts'
import * as claimedSlips from './0022_claimed_slips.ts'

/**
 * Every migration, in order. Listed in code rather than read from a folder so that the same list
 * works under tsx, vitest and any bundler. Names are applied once and must never be renamed.
 */
const migrations: Record<string, Migration> = {
  '0001_server_settings': serverSettings,
  '0002_accounts': accounts,
  '0003_sync': sync,
  '0004_filings': filings,
  '0005_admissions_trauma': admissionsTrauma,
  '0006_settlements': settlements,
  '0007_retention_and_limits': retentionAndLimits,
  '0008_registry': registry,
  '0009_staff_sessions': staffSessions,
  '0010_stays': stays,
  '0011_claims': claims,
  '0012_hospitals': hospitals,
  '0014_owner_keys': ownerKeys,
  '0015_filing_actors': filingActors,
  '0016_reminders': reminders,
  '0017_outside_slips': outsideSlips,
  '0018_reminder_subjects': reminderSubjects,
  '0020_audit_patient': auditPatient,
  '0021_referrer_codes': referrerCodes,
  '0022_claimed_slips': claimedSlips,
}

/** Kysely migration provider over the list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
