import { type Ref, ref } from 'vue'
import { AttachmentTooLargeError, storeAttachment } from '../features/filing/storeAttachment'

/**
 * A file input's pick, compressed and kept on the device until uploaded (storeAttachment): the
 * progress while it works and the reason a file was refused, in the caller's words.
 * `accepted` gets the stored id and the file; `messages` names the two refusals.
 */
export function useAttachmentPicker(accepted: (id: string, file: File) => void, messages: { tooLarge: () => string, unreadable: () => string }): {
  busy: Ref<number | undefined>
  problem: Ref<string | undefined>
  add: (event: Event) => Promise<void>
} {
  const busy = ref<number>()
  const problem = ref<string>()

  async function add(event: Event) {
    const input = event.target as HTMLInputElement
    const file = input.files?.[0]
    // Cleared at once, so choosing the same file again still fires a change.
    input.value = ''
    if (!file)
      return
    problem.value = undefined
    busy.value = 0
    try {
      accepted(await storeAttachment(file, (percent) => {
        busy.value = percent
      }), file)
    }
    catch (error) {
      problem.value = error instanceof AttachmentTooLargeError ? messages.tooLarge() : messages.unreadable()
    }
    finally {
      busy.value = undefined
    }
  }

  return { busy, problem, add }
}
