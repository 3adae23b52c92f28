import { useForm } from 'vee-validate'
import { computed, inject, type InjectionKey, provide, type Ref } from 'vue'
import { zodTypedSchema } from '../../components/zodTypedSchema'
import { policyFor } from '../../domain/policy/policyFor'
import type { RegionPolicy } from '../../domain/policy/types'
import { filingCreatePayloadSchema } from '../../domain/schemas/filing'
import { FILING_STEPS, type FilingForm, type FilingFormValues, payloadFromForm } from './filingForm'

export interface FilingWizardContext {
  form: Ref<FilingForm>
  today: string
  /** The insured region's policy, once a 参保地 is chosen. */
  policy: Ref<RegionPolicy | undefined>
  /**
   * The message of a rule that compares fields (materials or a promise, the kinds of proof the
   * category needs) for one field's path: a check of the field alone cannot see those rules.
   */
  crossFieldProblem: (path: string) => string | undefined
}

const WIZARD: InjectionKey<FilingWizardContext> = Symbol('filing wizard')

/**
 * One vee-validate form over the whole `filing.create` schema (the server checks the same one),
 * shared by the six step screens. Its values are the draft's values, so every keystroke is
 * saved; a step is checked field by field before the wizard moves on.
 */
export function provideFilingWizard(form: Ref<FilingForm>, today: string) {
  const vee = useForm({
    validationSchema: zodTypedSchema(filingCreatePayloadSchema),
    initialValues: form.value.values as never,
    // Steps unmount as the person moves on; their input must stay in the form (and the draft).
    keepValuesOnUnmount: true,
  })
  form.value.values = vee.values as FilingFormValues
  const policy = computed(() => (form.value.values.insuredRegion ? policyFor(form.value.values.insuredRegion) : undefined))
  // The whole payload as it would be filed: the schema's comparing rules run only on a complete one.
  function crossFieldProblem(path: string): string | undefined {
    const parsed = filingCreatePayloadSchema.safeParse(payloadFromForm(form.value))
    return parsed.success ? undefined : parsed.error.issues.find(issue => issue.code === 'custom' && issue.path.join('.') === path)?.message
  }
  const context: FilingWizardContext = { form, today, policy, crossFieldProblem }
  provide(WIZARD, context)

  /** Checks the fields a step asks for (skipping the agent or promise parts not in use). */
  async function validateStep(index: number): Promise<boolean> {
    const fields = (FILING_STEPS[index]?.fields ?? []).filter((field) => {
      if (field.startsWith('agent.'))
        return form.value.forFamily
      if (field.startsWith('promise'))
        return form.value.proofMode === 'promise'
      if (field === 'materials')
        return form.value.proofMode === 'materials'
      if (field.startsWith('inHospital.'))
        return form.value.stay === 'in_hospital'
      return true
    })
    const results = await Promise.all(fields.map(field => vee.validateField(field as never)))
    if (!results.every(result => result.valid))
      return false
    // Each field passed alone; the rules between them (e.g. 证明材料 for a category that needs them) speak last, beside their field.
    const crossField = fields.map(field => [field, crossFieldProblem(field)] as const).filter(([, message]) => message !== undefined)
    for (const [field, message] of crossField)
      vee.setFieldError(field as never, message)
    return crossField.length === 0
  }

  return { ...vee, context, validateStep }
}

export function useFilingWizard(): FilingWizardContext {
  const context = inject(WIZARD)
  if (!context)
    throw new Error('useFilingWizard() needs provideFilingWizard() in a parent')
  return context
}
