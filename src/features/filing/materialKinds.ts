import type { FilingMaterial } from '../../domain/schemas/filing'

export type Material = FilingMaterial

/** 材料类型 as the forms name them (messages `materials.kinds.*`; Chongqing 第六条, Jilin 第三条/第四条). */
export const MATERIAL_KINDS = [
  'resettlement',
  'residence',
  'work',
  'referral_certificate',
  'other',
] as const satisfies readonly Material['kind'][]
