import { chinaDateOf } from '../../../src/domain/dates/calendarDate'
import { generateIdNumber } from '../../../src/domain/identity/idNumberGenerator'
import { policyFor } from '../../../src/domain/policy/policyFor'
import type { ActionPayloadInput } from '../../../src/domain/schemas/actions'
import { type InsuredRecord, insuredRecordSchema } from '../../../src/domain/schemas/registry'

/** The server decides with its own calendar: these filings start on its day. */
const TODAY = chinaDateOf(new Date())

// A 1×1 PNG: the server stores the signature, it does not judge it.
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg=='

/** The signed-in person who files for relatives (代办) in the chaos run and the benchmark. */
export const AGENT = { name: '李四', idNumber: generateIdNumber({ regionCode: '530102', birthDate: '1980-02-14', sequence: 12, sex: 'male' }), phone: '13912345678' }

/**
 * A valid `filing.create` for the n-th distinct relative: each holder is a different person, so
 * the rules that limit one person's filings never reject one of these, and each one must appear
 * on the server exactly once.
 */
export function agentFiling(n: number): ActionPayloadInput<'filing.create'> {
  const { idNumber, name, sex } = relative(n)
  return {
    filingId: crypto.randomUUID(),
    idNumber,
    name,
    sex,
    phone: '13812345678',
    insuranceType: 'employee',
    category: 'long_term_resident',
    insuredRegion: '530100',
    homeAddress: '云南省昆明市五华区人民中路1号',
    address: '广东省广州市天河区体育西路2号',
    destination: '440100',
    startDate: TODAY,
    filledOn: TODAY,
    promise: { noticeVersion: policyFor('530100').texts.version, noticeAccepted: true, commitmentAccepted: true, signature: SIGNATURE, signedOn: TODAY },
    agent: { ...AGENT, relationship: 'child' },
  }
}

/** The n-th relative the agent files for. */
function relative(n: number) {
  const sex = n % 2 === 0 ? 'male' : 'female'
  const group = Math.floor(n / 100)
  const birthDate = `${1940 + (group % 60)}-0${1 + Math.floor(group / 60)}-15`
  return { idNumber: generateIdNumber({ regionCode: '530102', birthDate, sequence: (n % 100) * 10, sex }), name: `参保人${n}`, sex } as const
}

/**
 * The registry the runs need (参保登记): the agent, and `count` relatives insured in 昆明 as
 * employees, each with the agent on record as their child, so the agent may file for them.
 */
export function agentRegistry(count: number): InsuredRecord[] {
  const agentRecord = { ...AGENT, sex: 'male', insuredRegion: '530100', insuranceType: 'employee', phones: [AGENT.phone], validFrom: '2000-01-01' }
  return [
    insuredRecordSchema.parse(agentRecord),
    ...Array.from({ length: count }, (_, n) => insuredRecordSchema.parse({
      ...relative(n),
      insuredRegion: '530100',
      insuranceType: 'employee',
      phones: ['13812345678'],
      family: [{ idNumber: AGENT.idNumber, name: AGENT.name, relationship: 'child' }],
      validFrom: '2000-01-01',
    })),
  ]
}
