/**
 * 与参保人关系 as the 备案表 names them (messages `relationships.*`); trauma commitments use the
 * same list for 近亲属.
 */
export const RELATIONSHIPS = ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'other_relative'] as const
