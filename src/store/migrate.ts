import { type Kysely, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { migrationProvider } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** A migration that failed; the database is left at the last one that succeeded. */
export class MigrationError extends Error {
  readonly migration: string | undefined;

  constructor(migration: string | undefined, cause: unknown) {
    super(
      migration === undefined
        ? "The database could not be migrated"
        : `The database migration "${migration}" failed`,
      { cause },
    );
    this.name = "MigrationError";
    this.migration = migration;
  }
}

/**
 * Brings the database to the latest schema; run once at start. Safe to run again and from several
 * instances at once (Kysely serialises migrations with a lock of its own). Returns the names of the
 * migrations it applied.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in any schema unless told which one: name the schema the
  // tables go into, or a second schema in the same database (tests) would find the first one's.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: rows[0]!.schema });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new MigrationError(results.find((result) => result.status === "Error")?.migrationName, error);
  }
  return results.filter((result) => result.status === "Success").map((result) => result.migrationName);
}
