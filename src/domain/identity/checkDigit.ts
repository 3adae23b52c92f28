/**
 * GB 11643-1999 §8.2: the 18th character of a 公民身份号码 is an ISO 7064 MOD 11-2 check
 * character over the first 17 digits (weights 2^(17-i) mod 11, result 10 written `X`).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARACTERS = '10X98765432'

/** The check character (`0`-`9` or `X`) for 17 leading digits. */
export function computeCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17))
    throw new RangeError('need exactly 17 digits')
  let sum = 0
  for (let i = 0; i < 17; i++)
    sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARACTERS[sum % 11] ?? ''
}
