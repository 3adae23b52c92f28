/** Helpers that turn a CSV row of an agency's export into what a record schema reads. */

/** The field name of a heading by a table of Chinese headings, or the heading itself. */
export function columnNameBy(columns: Readonly<Record<string, string>>): (heading: string) => string {
  return (heading) => {
    const trimmed = heading.trim()
    return columns[trimmed] ?? trimmed
  }
}

/** The row's cells trimmed, empty ones left out (absent, so the schema's default applies). */
export function filledCells(row: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== ''))
}

/** The code of a label (`男` → `male`); a value that is a code already, or unknown, stays. */
export const fromLabel = (labels: Readonly<Record<string, string>>, value: string) =>
  Object.entries(labels).find(([, label]) => label === value)?.[0] ?? value

/** A list written in one cell, separated by `;`, `；` or `|`. */
export const listCell = (value: string) => value.split(/[;；|]/).map(item => item.trim()).filter(Boolean)
