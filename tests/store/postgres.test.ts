import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/store/database.ts";
import { migrateToLatest } from "../../src/store/migrate.ts";
import type { Database } from "../../src/store/schema.ts";
import { defineStoreSuite } from "./store-suite.ts";

/*
 * The store suite against a real PostgreSQL named by FIELDCOACH_TEST_DATABASE_URL (`.ci/run` starts
 * one and sets it). Without it this file fails, saying so: a PostgreSQL run that silently passed or
 * skipped would claim a check that never happened. Each run works in its own schemas, dropped after.
 */
const url = process.env.FIELDCOACH_TEST_DATABASE_URL;

if (url === undefined || url === "") {
  describe("PostgreSQL", () => {
    it("needs FIELDCOACH_TEST_DATABASE_URL", () => {
      expect.fail(
        "FIELDCOACH_TEST_DATABASE_URL is not set: run the tests through .ci/run, or start a PostgreSQL and set it to its postgres:// URL.",
      );
    });
  });
} else {
  const prefix = `fc_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const schemas: string[] = [];
  const opened: Kysely<Database>[] = [];

  const openSchema = async (suffix: string): Promise<Kysely<Database>> => {
    const schema = `${prefix}_${suffix}`;
    schemas.push(schema);
    const db = await createDatabase({ kind: "postgres", url, schema });
    opened.push(db);
    await sql`create schema ${sql.id(schema)}`.execute(db);
    return db;
  };

  const dropSchemas = async () => {
    const admin = await createDatabase({ kind: "postgres", url, maxConnections: 1 });
    for (const schema of schemas) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
  };

  defineStoreSuite({
    name: "PostgreSQL",
    open: () => openSchema("suite"),
    dispose: async () => {},
  });

  describe("PostgreSQL: concurrent starts", () => {
    it("migrate once when two instances start together", async () => {
      const first = await openSchema("race");
      const second = await createDatabase({ kind: "postgres", url, schema: `${prefix}_race` });
      opened.push(second);
      const results = await Promise.all([migrateToLatest(first), migrateToLatest(second)]);
      expect(results.flat()).toEqual(["0001-initial"]);
    });
  });

  afterAll(async () => {
    // The suite's own afterAll closes its database; destroy() of a closed pool is a no-op.
    for (const db of opened) await db.destroy();
    await dropSchemas();
  });
}
