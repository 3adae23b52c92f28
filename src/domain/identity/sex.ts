/** 性别 as the forms and the 备案表 carry it (001 annex 1). */
export type Sex = 'male' | 'female'

/** zh-CN label of a sex. */
export const SEX_LABELS: Readonly<Record<Sex, string>> = { male: '男', female: '女' }

/** GB 11643 §8.1.3: the 17th digit (顺序码 last digit) is odd for men, even for women. */
export function sexFromSequenceDigit(digit: number): Sex {
  return digit % 2 === 1 ? 'male' : 'female'
}
