import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/store/database.ts";
import { migrateToLatest } from "../../src/store/migrate.ts";
import type { Database } from "../../src/store/schema.ts";
import { defineStoreSuite } from "./store-suite.ts";

/*
 * The store suite against a real PostgreSQL named by FIELDCOACH_TEST_DATABASE_URL, which the test run's
 * global setup (tests/support/global-postgres.ts) provides when Debian's PostgreSQL is installed.
 * Without one this file fails, saying so: a PostgreSQL run that silently passed or
 * skipped would claim a check that never happened. Each run works in its own schemas, dropped after.
 */
const url = process.env.FIELDCOACH_TEST_DATABASE_URL;

if (url === undefined || url === "") {
  describe("PostgreSQL", () => {
    it("needs FIELDCOACH_TEST_DATABASE_URL", () => {
      expect.fail(
        "No PostgreSQL for the tests: install Debian's postgresql package (as .ci/run does) so the test run starts one, or set FIELDCOACH_TEST_DATABASE_URL to a postgres:// URL.",
      );
    });
  });
} else {
  // An idle connection failing during the tests is a failure of the tests.
  const onPoolError = (error: Error) => {
    throw error;
  };
  const prefix = `fc_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const schemas: string[] = [];
  const opened: Kysely<Database>[] = [];

  const openSchema = async (suffix: string): Promise<Kysely<Database>> => {
    const schema = `${prefix}_${suffix}`;
    schemas.push(schema);
    const db = await createDatabase({ kind: "postgres", url, schema, onPoolError });
    opened.push(db);
    await sql`create schema ${sql.id(schema)}`.execute(db);
    return db;
  };

  const dropSchemas = async () => {
    const admin = await createDatabase({ kind: "postgres", url, maxConnections: 1, onPoolError });
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
      const second = await createDatabase({ kind: "postgres", url, schema: `${prefix}_race`, onPoolError });
      opened.push(second);
      const results = await Promise.all([migrateToLatest(first), migrateToLatest(second)]);
      expect(results.flat()).toEqual([
        "0001-initial",
        "0002-background-work",
        "0003-tenant-settings-version",
      ]);
    });
  });

  describe("PostgreSQL: a dropped connection", () => {
    it("is reported, and the next query gets a new one", async () => {
      let reported: (error: Error) => void = () => {};
      const dropped = new Promise<Error>((resolve) => {
        reported = resolve;
      });
      const db = await createDatabase({
        kind: "postgres",
        url,
        maxConnections: 1,
        onPoolError: (error) => reported(error),
      });
      opened.push(db);
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      const admin = await createDatabase({ kind: "postgres", url, maxConnections: 1, onPoolError });
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(admin);
      await admin.destroy();
      expect((await dropped).message).toMatch(/terminat/i);
      const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      expect(again.rows[0]!.pid).not.toBe(rows[0]!.pid);
    });
  });

  afterAll(async () => {
    // The suite's own afterAll closes its database; destroy() of a closed pool is a no-op.
    for (const db of opened) await db.destroy();
    await dropSchemas();
  });
}
