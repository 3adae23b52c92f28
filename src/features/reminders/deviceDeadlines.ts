import type { LocalFiling } from '../../db/database'
import type { Deadline } from '../../domain/reminders/deadline'
import { policyFor } from '../../domain/policy/policyFor'
import { personDeadlines } from '../../domain/reminders/personDeadlines'

/**
 * The deadlines this device knows: those of the filings it holds, computed here so the list works
 * offline, and those only the server's records know (admissions and claims, `serverDeadlines.ts`),
 * as last fetched. A rejected filing was never granted and carries none.
 */
export function deviceDeadlines(filings: readonly LocalFiling[], fromServer: readonly Deadline[] = []): Deadline[] {
  const granted = filings.filter(local => local.status !== 'rejected').map(local => local.record.filing)
  return [...personDeadlines(granted, [], policyFor), ...fromServer]
}
