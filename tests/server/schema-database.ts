/**
 * A schema of its own in the test PostgreSQL, named in a `DATABASE_URL`, for servers started from their
 * configuration as tenant mode starts them. `drop` removes the schema and everything in it.
 */

import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { createDatabase } from "../../src/store/database.ts";

export interface SchemaDatabase {
  readonly schema: string;
  /** The test server's URL with the schema as its search path. */
  readonly url: string;
  drop(): Promise<void>;
}

export async function createSchemaDatabase(prefix: string): Promise<SchemaDatabase> {
  const url = process.env.FIELDCOACH_TEST_DATABASE_URL;
  if (url === undefined || url === "")
    throw new Error("FIELDCOACH_TEST_DATABASE_URL is not set: run the tests through npm test.");
  const schema = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = () => createDatabase({ kind: "postgres", url, maxConnections: 1, onPoolError: () => {} });
  const creator = await admin();
  await sql`create schema ${sql.id(schema)}`.execute(creator);
  await creator.destroy();
  return {
    schema,
    url: `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const dropper = await admin();
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(dropper);
      await dropper.destroy();
    },
  };
}
