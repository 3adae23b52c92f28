import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { calendarEvent } from '../../../src/features/reminders/calendarEvent'

const deadline = { kind: 'promise_materials_due' as const, date: '2026-07-14', subject: 'f-1', article: '吉医保规〔2023〕4号 第六条', reason: 'r' }

describe('加入日历 (.ics)', () => {
  it('is a valid calendar with one all-day event on the deadline, with its summary', () => {
    const text = calendarEvent(deadline, { title: 'Hand in the promise filing’s materials', description: 'Jilin 第六条' })
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!)
    expect(event.summary).toBe('Hand in the promise filing’s materials')
    expect(event.startDate.isDate).toBe(true)
    expect(event.startDate.toString()).toBe('2026-07-14')
    expect(event.endDate.toString()).toBe('2026-07-15')
    expect(event.uid).toBe('promise_materials_due-f-1@yidi')
  })

  it('reminds the day before', () => {
    const text = calendarEvent(deadline, { title: 't', description: 'd' })
    const alarm = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')!
    expect(alarm.getFirstPropertyValue('trigger')?.toString()).toBe('-P1D')
  })
})
