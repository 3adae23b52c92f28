import type { FilingMaterial } from '../../domain/schemas/filing'

export type Material = FilingMaterial

/** 材料类型 as the forms name them (Chongqing 第六条, Jilin 第三条/第四条). */
export const MATERIAL_KINDS = [
  ['resettlement', '异地安置认定材料'],
  ['residence', '居住证明（居住证、户口簿等）'],
  ['work', '工作证明（劳动合同等）'],
  ['referral_certificate', '转诊转院证明'],
  ['other', '其他材料'],
] as const satisfies readonly (readonly [Material['kind'], string])[]
