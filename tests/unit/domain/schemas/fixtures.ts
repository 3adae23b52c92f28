import { generateIdNumber } from '../../../../src/domain/identity/idNumberGenerator'

export const PERSON_ID = generateIdNumber({ regionCode: '220102', birthDate: '1960-05-04', sequence: 31, sex: 'male' })
export const RELATIVE_ID = generateIdNumber({ regionCode: '220102', birthDate: '1988-09-12', sequence: 42, sex: 'female' })
export const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg=='
export const UUID = (n: number) => `3f2b8c1e-9d4a-4c7b-8e2f-${String(n).padStart(12, '0')}`

export function filingCreate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    filingId: UUID(1),
    idNumber: PERSON_ID,
    name: '张三',
    sex: 'male',
    phone: '13812345678',
    insuranceType: 'employee',
    category: 'long_term_resident',
    insuredRegion: '220100',
    homeAddress: '吉林省长春市南关区人民大街1号',
    address: '广东省深圳市福田区深南大道2号',
    destination: '440300',
    startDate: '2026-03-01',
    filledOn: '2026-02-27',
    promise: {
      noticeVersion: '220000-2026-01',
      noticeAccepted: true,
      commitmentAccepted: true,
      signature: SIGNATURE,
      signedOn: '2026-02-27',
    },
    ...overrides,
  }
}

export function traumaSign(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    commitmentId: UUID(2),
    patient: { name: '张三', phone: '13812345678', idType: 'resident_id', idNumber: PERSON_ID },
    injuredOn: '2026-05-01',
    injuredHour: 14,
    place: '深圳市福田区家中',
    account: '在家中浴室滑倒，右腕着地受伤',
    commitmentsAccepted: true,
    textVersion: 'default-1',
    signer: 'patient',
    signature: SIGNATURE,
    signedOn: '2026-05-01',
    ...overrides,
  }
}
