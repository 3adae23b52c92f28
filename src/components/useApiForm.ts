import { type GenericObject, useForm } from 'vee-validate'
import { ref } from 'vue'
import type { z } from 'zod/v4'
import { ApiProblem } from '../api'
import { zodTypedSchema } from './zodTypedSchema'

/**
 * A form validated by a rulebook schema (the same one the server uses), whose submit also turns
 * the server's problem+json into field errors or one message for the whole form.
 */
export function useApiForm<TSchema extends z.ZodType<GenericObject, GenericObject>>(schema: TSchema, initialValues?: Partial<z.input<TSchema>>) {
  const form = useForm<z.input<TSchema>, z.output<TSchema>>({
    validationSchema: zodTypedSchema(schema),
    ...(initialValues ? { initialValues: initialValues as never } : {}),
  })
  const formError = ref<string>()
  const submitting = ref(false)

  /** Runs `action` with the parsed values; server problems land on their fields or on the form. */
  function submitWith(action: (values: z.output<TSchema>) => Promise<void>) {
    return form.handleSubmit(async (values) => {
      formError.value = undefined
      submitting.value = true
      try {
        await action(values)
      }
      catch (error) {
        if (!(error instanceof ApiProblem))
          throw error
        for (const fieldError of error.fieldErrors)
          form.setFieldError(fieldError.field as never, fieldError.message)
        if (error.fieldErrors.length === 0)
          formError.value = error.detail
      }
      finally {
        submitting.value = false
      }
    })
  }

  return { ...form, formError, submitting, submitWith }
}
