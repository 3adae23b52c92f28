/**
 * Calendar dates as `YYYY-MM-DD` strings in China time (DESIGN §5). Rules never read the clock:
 * the caller passes "today". Arithmetic runs on UTC midnight so no time zone can shift a day.
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** True when `value` is a real date written `YYYY-MM-DD` (no 2 月 30 日, no 13 月). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value)
  if (!match)
    return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return false
  return d <= daysInMonth(y, m)
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** Number of days in month `month` (1-12) of `year`, Gregorian leap years. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!
}

// Reads the digits by hand: settling a stay counts its days, and this runs for every stay of a
// bulk import, where a regular expression and a string parse per call cost more than the money.
function toUtc(date: string): number {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || !Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)
    || y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new RangeError(`not a calendar date: ${date}`)
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  return new Date(0).setUTCFullYear(y, m - 1, d)
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

const CHINA_OFFSET_MS = 8 * 3_600_000

/**
 * The China calendar date (UTC+8, no daylight saving) of an instant: how the shell turns its
 * clock into the "today" that rules take. `2026-11-21T16:00:00Z` → `2026-11-22`.
 */
export function chinaDateOf(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  if (Number.isNaN(ms))
    throw new RangeError('not an instant')
  return fromUtc(ms + CHINA_OFFSET_MS)
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS)
}

/**
 * `date` moved by whole months, clamped to the month's last day (`2026-08-31` + 6 → `2027-02-28`).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  toUtc(date)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const day = Math.min(d, daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS)
}

/** The calendar year of a date. */
export function yearOf(date: string): number {
  toUtc(date)
  return Number(date.slice(0, 4))
}

/** The earlier of two dates. */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b
}

/** The later of two dates. */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b
}
