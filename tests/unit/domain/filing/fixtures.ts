import type { FilingCategory } from '../../../../src/domain/filing/categories'
import type { Filing } from '../../../../src/domain/filing/filing'
import type { FilingDraft } from '../../../../src/domain/filing/canCreate'
import type { RegionPolicy } from '../../../../src/domain/policy/types'
import { buildFiling } from '../../../../src/domain/filing/validity'

let counter = 0

export interface FilingSpec {
  category?: FilingCategory
  destination?: string
  startDate?: string
  filedOn?: string
  byPromise?: boolean
  insuredRegion?: string
  insuranceType?: 'employee' | 'resident'
  filingId?: string
  referredBy?: string
  referredByCode?: string
}

/** A filing made under `policy`, validity computed by the rulebook itself. */
export function file(policy: RegionPolicy, spec: FilingSpec = {}): Filing {
  counter += 1
  const startDate = spec.startDate ?? '2026-01-10'
  return buildFiling({
    filingId: spec.filingId ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    filingNumber: `BA${counter}`,
    insuredRegion: spec.insuredRegion ?? insuredIn(policy),
    insuranceType: spec.insuranceType ?? 'employee',
    category: spec.category ?? 'long_term_resident',
    destination: spec.destination ?? '440300',
    startDate,
    byPromise: spec.byPromise ?? false,
    ...(spec.referredBy !== undefined && { referredBy: spec.referredBy }),
    ...(spec.referredByCode !== undefined && { referredByCode: spec.referredByCode }),
  }, spec.filedOn ?? startDate, policy)
}

/** A city inside the policy's region, used as the person's 参保地. */
export function insuredIn(policy: RegionPolicy): string {
  const byRegion: Record<string, string> = { '000000': '420100', '530000': '530100', '500000': '500100', '130000': '130100', '440800': '440800', '220000': '220100' }
  return byRegion[policy.region] ?? '420100'
}

/** A draft for `canCreate` under `policy`. */
export function draft(policy: RegionPolicy, overrides: Partial<FilingDraft> = {}): FilingDraft {
  return {
    insuredRegion: insuredIn(policy),
    insuranceType: 'employee',
    category: 'long_term_resident',
    destination: '440300',
    startDate: '2026-03-01',
    byPromise: false,
    hasMaterials: true,
    longStayDeclared: true,
    ...overrides,
  }
}
