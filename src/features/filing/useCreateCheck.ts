import { computed } from 'vue'
import { db } from '../../db/database'
import { useLiveQuery } from '../../db/useLiveQuery'
import { canCreate } from '../../domain/filing/canCreate'
import { normalizeIdNumber } from '../../domain/identity/idNumber'
import { type FilingWizardContext, useFilingWizard } from './useFilingWizard'

/**
 * The rulebook's verdict on the filing being filled in, against this person's filings on the
 * device: the same `canCreate` the server runs, so a refusal shows before submitting, offline too.
 */
export function useCreateCheck(context: FilingWizardContext = useFilingWizard()) {
  const { form, policy, today } = context
  const { data: locals } = useLiveQuery(() => db.filings.toArray(), [])
  return computed(() => {
    const { values, proofMode, stay } = form.value
    const admission = stay === 'in_hospital' ? values.inHospital : undefined
    if (!policy.value || !values.category || !values.destination || !values.insuranceType || !values.startDate)
      return undefined
    const idNumber = normalizeIdNumber(values.idNumber ?? '')
    const own = (locals.value ?? []).filter(local => local.record.holder.idNumber === idNumber && local.status !== 'rejected')
    return canCreate(own.map(local => local.record.filing), {
      insuredRegion: values.insuredRegion ?? '',
      insuranceType: values.insuranceType,
      category: values.category,
      destination: values.destination,
      startDate: values.startDate,
      byPromise: proofMode === 'promise',
      hasMaterials: (values.materials?.length ?? 0) > 0,
      longStayDeclared: values.longStayDeclared === true,
      ...(admission?.admissionDate ? { openStay: { admissionDate: admission.admissionDate, emergency: admission.emergency ?? false } } : {}),
    }, today, policy.value)
  })
}
