import type { FilingMaterial } from '../../domain/schemas/filing'

export type Material = FilingMaterial

/** 材料类型 as the forms name them (messages `materials.kinds.*`), from the rules' list. */
export { MATERIAL_KINDS } from '../../domain/filing/proofKinds'
