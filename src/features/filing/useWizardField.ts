import { useField } from 'vee-validate'
import { watch } from 'vue'
import { useFilingWizard } from './useFilingWizard'

/**
 * Binds one field of the filing form: the value, its message, and a check when the person
 * leaves the field (not on every key, which would scold half-typed input). A message already
 * shown is checked again on every change, so it goes away the moment the input is fixed.
 */
export function useWizardField<T>(path: string) {
  const field = useField<T>(path, undefined, { validateOnValueUpdate: false })
  const { crossFieldProblem } = useFilingWizard()
  watch(field.value, async () => {
    if (!field.errorMessage.value)
      return
    const { valid } = await field.validate()
    // Still wrong by a rule between fields (e.g. a material of a kind the category does not take): say so.
    const between = valid ? crossFieldProblem(path) : undefined
    if (between)
      field.setErrors(between)
  }, { deep: true })
  return {
    value: field.value,
    error: field.errorMessage,
    check: () => void field.validate(),
  }
}
