import { useForm } from 'vee-validate'
import { computed, inject, type InjectionKey, provide, type Ref } from 'vue'
import { zodTypedSchema } from '../../components/zodTypedSchema'
import { policyFor } from '../../domain/policy/policyFor'
import type { RegionPolicy } from '../../domain/policy/types'
import { filingCreatePayloadSchema } from '../../domain/schemas/filing'
import { FILING_STEPS, type FilingForm, type FilingFormValues } from './filingForm'

export interface FilingWizardContext {
  form: Ref<FilingForm>
  today: string
  /** The insured region's policy, once a 参保地 is chosen. */
  policy: Ref<RegionPolicy | undefined>
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
  const context: FilingWizardContext = { form, today, policy }
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
    return results.every(result => result.valid)
  }

  return { ...vee, context, validateStep }
}

export function useFilingWizard(): FilingWizardContext {
  const context = inject(WIZARD)
  if (!context)
    throw new Error('useFilingWizard() needs provideFilingWizard() in a parent')
  return context
}
