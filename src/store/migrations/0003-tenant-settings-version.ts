import { type Kysely, sql } from "kysely";

/*
 * Administrators' tenant settings become a versioned resource (PUT /api/settings/tenant with If-Match):
 * the version and who last saved them, and when, sit beside the settings document rather than in it,
 * because directory sync writes the same document (the verified domains) without taking part in the
 * version. Version 0 means no administrator has saved settings yet.
 */
const STATEMENTS = [
  `alter table tenants add column settings_version integer not null default 0 check (settings_version >= 0)`,
  `alter table tenants add column settings_updated_by text`,
  `alter table tenants add column settings_updated_at timestamptz`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement at a time: PGlite's extended protocol runs a single statement per query.
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
