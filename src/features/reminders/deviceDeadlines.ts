import type { LocalFiling } from '../../db/database'
import type { Deadline } from '../../domain/reminders/deadline'
import { policyFor } from '../../domain/policy/policyFor'
import { personDeadlines } from '../../domain/reminders/personDeadlines'

/**
 * The deadlines of the filings this device holds, computed here so the list works offline. The
 * phone knows no admissions, so only the filings' own deadlines appear; a rejected filing was
 * never granted and carries none.
 */
export function deviceDeadlines(filings: readonly LocalFiling[]): Deadline[] {
  const granted = filings.filter(local => local.status !== 'rejected').map(local => local.record.filing)
  return personDeadlines(granted, [], policyFor)
}
