import { useField } from 'vee-validate'

/**
 * Binds one field of the filing form: the value, its message, and a check when the person
 * leaves the field (not on every key, which would scold half-typed input).
 */
export function useWizardField<T>(path: string) {
  const field = useField<T>(path, undefined, { validateOnValueUpdate: false })
  return {
    value: field.value,
    error: field.errorMessage,
    check: () => void field.validate(),
  }
}
