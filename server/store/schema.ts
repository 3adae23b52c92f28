/**
 * Table types of the server's database. Columns are portable between SQLite and PostgreSQL:
 * times are UTC ISO-8601 text, money is integer 分, structured values are JSON text.
 */

/** Small key/value settings the server keeps about itself (e.g. first-start markers). */
export interface ServerSettingsTable {
  key: string
  value: string
  updated_at: string
}

/** Every table Kysely may query; later migrations add their tables here. */
export interface Database {
  server_settings: ServerSettingsTable
}
