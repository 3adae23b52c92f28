import { describe, expect, it } from 'vitest'
import { filingCancelPayloadSchema, filingChangePayloadSchema, filingCreatePayloadSchema, filingSupplementPayloadSchema } from '../../../../src/domain/schemas/filing'
import { filingCreate, PERSON_ID, RELATIVE_ID, UUID } from './fixtures'

function issues(result: { success: boolean, error?: { issues: { path: PropertyKey[], message: string }[] } }) {
  return result.error?.issues.map(i => `${i.path.map(String).join('.')}: ${i.message}`) ?? []
}

describe('filing.create payload (001 annex 1)', () => {
  it('accepts a promise filing and normalises the ID number and phone', () => {
    const parsed = filingCreatePayloadSchema.parse(filingCreate({ idNumber: PERSON_ID.toLowerCase(), phone: '138 1234 5678' }))
    expect(parsed.idNumber).toBe(PERSON_ID)
    expect(parsed.phone).toBe('13812345678')
  })

  it('accepts an ordinary filing with materials and a family member filing on the person\'s behalf', () => {
    const result = filingCreatePayloadSchema.safeParse(filingCreate({
      promise: undefined,
      materials: [{ kind: 'residence', description: '居住证' }],
      agent: { name: '张丽', idNumber: RELATIVE_ID, phone: '13912345678', relationship: 'child' },
    }))
    expect(issues(result)).toEqual([])
  })

  it.each([
    ['a legacy 15-digit ID', { idNumber: '220102600504031' }, 'idNumber: 这是旧的15位身份证号码，请填写18位身份证号码'],
    ['a bad check digit', { idNumber: `${PERSON_ID.slice(0, 17)}${PERSON_ID.endsWith('0') ? '1' : '0'}` }, 'idNumber: 身份证号码校验位不正确，请逐位核对'],
    ['a sex that disagrees with the ID', { sex: 'female' }, 'sex: 所选性别与身份证号码不一致（号码显示为男）'],
    ['a bad phone', { phone: '1381234567' }, 'phone: 请填写11位手机号码（1开头，第二位为3-9）'],
    ['phone2 equal to phone', { phone2: '13812345678' }, 'phone2: 联系电话2不能与联系电话1相同'],
    ['an unknown category', { category: 'tourist' }, 'category: 请选择人员类别'],
    ['a 4-digit destination', { destination: '4403' }, 'destination: 就医地应为6位行政区划代码'],
    ['an impossible start date', { startDate: '2026-02-30' }, 'startDate: 请填写有效日期（年-月-日）'],
    ['an empty address', { address: '  ' }, 'address: 请填写异地联系地址'],
    ['a missing name', { name: undefined }, 'name: 请填写姓名'],
    ['neither promise nor materials', { promise: undefined }, 'materials: 请提交证明材料，或签署个人承诺书'],
    ['both promise and materials', { materials: [{ kind: 'work' }] }, 'promise: 已提交证明材料时无需签署承诺书'],
    ['an unaccepted notice', { promise: { ...(filingCreate().promise as object), noticeAccepted: false } }, 'promise.noticeAccepted: 请阅读并确认《备案告知书》'],
    ['a missing signature', { promise: { ...(filingCreate().promise as object), signature: '' } }, 'promise.signature: 请手写签名'],
    ['a referring hospital on a non-referral filing', { referringHospital: '湛江中心人民医院' }, 'referringHospital: 只有转诊备案需要填写转诊医院'],
    ['a referring hospital\'s code on a non-referral filing', { referringHospitalCode: 'H44080300001' }, 'referringHospital: 只有转诊备案需要填写转诊医院'],
    ['a malformed referring hospital code', { category: 'referral', promise: undefined, materials: [{ kind: 'referral_certificate' }], referringHospitalCode: '44080300001' }, 'referringHospitalCode: 医疗机构代码应为 H 加11位数字，例如 H53010200001'],
    ['the person as their own agent', { agent: { name: '张三', idNumber: PERSON_ID, phone: '13912345678', relationship: 'other_relative' } }, 'agent.idNumber: 代办人不能是参保人本人'],
  ])('refuses %s with a field message', (_name, overrides, expected) => {
    expect(issues(filingCreatePayloadSchema.safeParse(filingCreate(overrides)))).toContain(expected)
  })

  it('reads blank optional fields from a form as absent, but still checks filled ones', () => {
    const parsed = filingCreatePayloadSchema.parse(filingCreate({ phone2: '', socialSecurityCardNumber: '  ' }))
    expect(parsed.phone2).toBeUndefined()
    expect(parsed.socialSecurityCardNumber).toBeUndefined()
    expect(issues(filingCreatePayloadSchema.safeParse(filingCreate({ phone2: '123' })))).toContain('phone2: 请填写11位手机号码（1开头，第二位为3-9）')
    expect(issues(filingCreatePayloadSchema.safeParse(filingCreate({ phone2: 13912345678 })))).toContain('phone2: 格式不正确')
  })

  it('refuses a birth date after the form\'s own date', () => {
    const result = filingCreatePayloadSchema.safeParse(filingCreate({ filledOn: '1960-05-03' }))
    expect(issues(result)).toContain('idNumber: 身份证号码中的出生日期晚于今天')
  })

  it('lets other temporary trips file with neither promise nor materials (Yunnan 第八条)', () => {
    expect(filingCreatePayloadSchema.safeParse(filingCreate({ category: 'other_temporary', promise: undefined })).success).toBe(true)
  })
})

describe('filing.change / cancel / supplement payloads', () => {
  it('accepts a change of destination and phone', () => {
    const parsed = filingChangePayloadSchema.parse({ filingId: UUID(1), changes: { destination: '110000', phone: '13912345678' }, filledOn: '2026-04-01' })
    expect(parsed.changes).toEqual({ destination: '110000', phone: '13912345678' })
  })

  it('refuses a change of 参保地 or 险种: a new filing is needed (Jilin 第十四条)', () => {
    const result = filingChangePayloadSchema.safeParse({ filingId: UUID(1), changes: { insuredRegion: '220200' }, filledOn: '2026-04-01' })
    expect(issues(result)).toContain('changes: 参保地、险种或身份信息变更需要重新备案，不能在此修改')
  })

  it('refuses an empty change', () => {
    expect(issues(filingChangePayloadSchema.safeParse({ filingId: UUID(1), changes: {}, filledOn: '2026-04-01' }))).toContain('changes: 请至少修改一项')
  })

  it('accepts a cancellation and refuses one without a filing id', () => {
    expect(filingCancelPayloadSchema.safeParse({ filingId: UUID(1), requestedOn: '2026-04-01', reason: '已回参保地' }).success).toBe(true)
    expect(issues(filingCancelPayloadSchema.safeParse({ filingId: 'abc', requestedOn: '2026-04-01' }))).toContain('filingId: 编号格式不正确')
  })

  it('needs at least one material to supplement (Jilin 第六条(二))', () => {
    expect(filingSupplementPayloadSchema.safeParse({ filingId: UUID(1), materials: [{ kind: 'work', fileRef: 'att-1' }], suppliedOn: '2026-04-01' }).success).toBe(true)
    expect(issues(filingSupplementPayloadSchema.safeParse({ filingId: UUID(1), materials: [], suppliedOn: '2026-04-01' }))).toContain('materials: 请至少提交一项材料')
  })
})
