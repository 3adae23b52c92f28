const CHOICES = '.van-radio[role="radio"], .van-checkbox[role="checkbox"]'

/**
 * Vant's radios and checkboxes take keyboard focus but ignore keys. Space or Enter picks the
 * focused one, as on a native control, everywhere in the app.
 */
export function enableKeyboardChoices(root: Document = document): void {
  root.addEventListener('keydown', (event) => {
    if (event.key !== ' ' && event.key !== 'Enter')
      return
    const target = event.target
    if (target instanceof HTMLElement && target.matches(CHOICES)) {
      event.preventDefault()
      target.click()
    }
  })
}
