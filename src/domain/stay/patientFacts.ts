import { validateIdNumber } from '../identity/idNumber'
import type { Sex } from '../identity/sex'

/** 性别 and 年龄 as the 住院结算单 and the 外院检查购药单 print them (001 annexes 12 and 13). */
export interface PatientFacts {
  sex: Sex | null
  age: number | null
}

/**
 * Sex and whole years of age on `onDate`, read from the 身份证号码 (GB 11643: birth date and the
 * 17th digit); null where the number does not give them.
 */
export function patientFacts(idNumber: string, onDate: string): PatientFacts {
  const check = validateIdNumber(idNumber, { today: onDate })
  if (!check.ok)
    return { sex: null, age: null }
  const { birthDate, sex } = check.value
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4))
  const birthdayPassed = onDate.slice(5) >= birthDate.slice(5)
  return { sex, age: birthdayPassed ? years : years - 1 }
}
