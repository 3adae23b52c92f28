import { daysBetween, yearOf } from '../dates/calendarDate'

/** Days of a stay counted in one calendar year. */
export interface YearShare {
  year: number
  days: number
}

/**
 * Jilin 第十六条: a stay is settled once, by discharge date; a region that splits cross-year
 * stays counts the days before and after 1 January (admission day counted, discharge day not,
 * at least one day in all). `single` gives everything to the discharge year.
 */
export function stayDaysByYear(admissionDate: string, dischargeDate: string, mode: 'single' | 'split_by_days'): YearShare[] {
  // daysBetween has checked both dates; their years are read straight off the text.
  const total = Math.max(1, daysBetween(admissionDate, dischargeDate))
  const dischargeYear = Number(dischargeDate.slice(0, 4))
  if (mode === 'single' || Number(admissionDate.slice(0, 4)) === dischargeYear)
    return [{ year: dischargeYear, days: total }]
  const shares: YearShare[] = []
  let from = admissionDate
  while (yearOf(from) < yearOf(dischargeDate)) {
    const nextYear = `${yearOf(from) + 1}-01-01`
    shares.push({ year: yearOf(from), days: daysBetween(from, nextYear) })
    from = nextYear
  }
  const lastDays = daysBetween(from, dischargeDate)
  if (lastDays > 0)
    shares.push({ year: yearOf(dischargeDate), days: lastDays })
  return shares
}

/**
 * Splits an amount of 分 in proportion to days (Jilin 第十六条: 日均费用 × 天数), whole 分 only,
 * the rounding remainder going to the largest fractions first, so the parts always add up.
 */
export function splitFenByDays(amountFen: number, shares: readonly YearShare[]): number[] {
  const totalDays = shares.reduce((sum, s) => sum + s.days, 0)
  if (!Number.isSafeInteger(amountFen) || amountFen < 0 || totalDays <= 0)
    throw new RangeError('need whole non-negative 分 and at least one day')
  const exact = shares.map(s => (amountFen * s.days) / totalDays)
  const parts = exact.map(Math.floor)
  let left = amountFen - parts.reduce((sum, p) => sum + p, 0)
  const order = exact.map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .toSorted((a, b) => b.fraction - a.fraction || a.index - b.index)
  for (const { index } of order) {
    if (left <= 0)
      break
    parts[index] = (parts[index] ?? 0) + 1
    left -= 1
  }
  return parts
}
