import { describe, expect, it } from 'vitest'
import { addDays, addMonths, chinaDateOf, daysBetween, isCalendarDate, maxDate, minDate, yearOf } from '../../../../src/domain/dates/calendarDate'

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['0000-01-01', false],
    ['2026-1-1', false],
    ['2026-01-01T00:00', false],
  ])('%s is a real date: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected)
  })

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15')
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-11-30', 14)).toBe('2028-01-30')
  })

  it('counts days and compares', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364)
    expect(yearOf('2026-05-01')).toBe(2026)
    expect(minDate('2026-01-02', '2026-01-01')).toBe('2026-01-01')
    expect(maxDate('2026-01-02', '2026-01-01')).toBe('2026-01-02')
  })

  it('gives the China calendar date of an instant (UTC+8)', () => {
    expect(chinaDateOf('2026-11-21T15:59:59Z')).toBe('2026-11-21')
    expect(chinaDateOf('2026-11-21T16:00:00Z')).toBe('2026-11-22')
    expect(chinaDateOf(new Date('2026-12-31T23:00:00+08:00'))).toBe('2026-12-31')
    expect(() => chinaDateOf('yesterday')).toThrow(RangeError)
  })

  it('refuses to compute with a malformed date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError)
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError)
  })
})
