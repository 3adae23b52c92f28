/** 与参保人关系 as the 备案表 names them; trauma commitments use the same list for 近亲属. */
export const RELATIONSHIPS = [
  ['spouse', '配偶'],
  ['parent', '父母'],
  ['child', '子女'],
  ['sibling', '兄弟姐妹'],
  ['grandparent', '祖父母、外祖父母'],
  ['grandchild', '孙子女、外孙子女'],
  ['other_relative', '其他近亲属'],
] as const

export function relationshipLabel(value: string): string {
  return RELATIONSHIPS.find(([key]) => key === value)?.[1] ?? value
}
