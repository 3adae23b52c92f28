import { DATABASE_NAME } from './databaseName'

/**
 * Whether the app's database matters yet on this device. A first visit has none: no session,
 * no outbox, no drafts, so what only reads the database (the sync engine, the badges, the
 * reminders) need not fetch Dexie (a third of a first visit's script) nor create an empty
 * database. It resolves at once where the device holds the database already, and otherwise as
 * soon as the app opens it for something a person did (a sign-in, a draft, an action).
 */
export function whenDatabaseInUse(): Promise<void> {
  inUse ??= new Promise<void>((resolve) => {
    markInUse = resolve
    void databaseExists().then(exists => exists && resolve())
  })
  return inUse
}

/** Called once by `database.ts` when it is loaded: from then on the app reads and writes it. */
export function databaseComesIntoUse(): void {
  whenDatabaseInUse()
  markInUse()
}

let inUse: Promise<void> | undefined
let markInUse: () => void = () => {}

/** Where the browser cannot list its databases (older Safari), the answer is yes, as before. */
async function databaseExists(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function')
    return true
  try {
    return (await indexedDB.databases()).some(database => database.name === DATABASE_NAME)
  }
  catch {
    return true
  }
}
