/**
 * The databases the background-work tests run on: one in-memory PGlite (all "instances" share its one
 * connection, as the demo does), and a real PostgreSQL in a schema of the test file's own, reached
 * through a separate pool per instance, as separate server processes would.
 */

import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../src/store/database.ts";
import { migrateToLatest } from "../src/store/migrate.ts";
import type { Database } from "../src/store/schema.ts";
import { createStore, type Store } from "../src/store/store.ts";

export interface Backend {
  readonly name: string;
  /** `count` stores over one database, migrated. */
  open(count: number): Promise<Store[]>;
  close(): Promise<void>;
}

export function pgliteBackend(): Backend {
  let store: Store | undefined;
  return {
    name: "PGlite",
    async open(count) {
      const db = await createDatabase({ kind: "pglite", memory: true });
      await migrateToLatest(db);
      store = createStore(db);
      return Array.from({ length: count }, () => store!);
    },
    async close() {
      await store?.close();
    },
  };
}

/** Undefined when the run has no PostgreSQL (see tests/support/global-postgres.ts). */
export function postgresBackend(fileTag: string): Backend | undefined {
  const url = process.env.FIELDCOACH_TEST_DATABASE_URL;
  if (url === undefined || url === "") return undefined;
  const schema = `fc_${fileTag}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const onPoolError = (error: Error) => {
    throw error;
  };
  const opened: Kysely<Database>[] = [];
  return {
    name: "PostgreSQL",
    async open(count) {
      const admin = await createDatabase({ kind: "postgres", url, maxConnections: 1, onPoolError });
      await sql`create schema ${sql.id(schema)}`.execute(admin);
      await admin.destroy();
      for (let i = 0; i < count; i++) {
        opened.push(await createDatabase({ kind: "postgres", url, schema, maxConnections: 4, onPoolError }));
      }
      await migrateToLatest(opened[0]!);
      return opened.map(createStore);
    },
    async close() {
      for (const db of opened) await db.destroy();
      const admin = await createDatabase({ kind: "postgres", url, maxConnections: 1, onPoolError });
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

/** Both backends, or PGlite and a failing test that says PostgreSQL is missing. */
export function backends(fileTag: string): Backend[] {
  const postgres = postgresBackend(fileTag);
  if (postgres === undefined) {
    describe("PostgreSQL", () => {
      it("needs FIELDCOACH_TEST_DATABASE_URL", () => {
        expect.fail(
          "No PostgreSQL for the tests: install Debian's postgresql package (as .ci/run does) so the test run starts one, or set FIELDCOACH_TEST_DATABASE_URL to a postgres:// URL.",
        );
      });
    });
    return [pgliteBackend()];
  }
  return [pgliteBackend(), postgres];
}

/** A store whose job queue can be cut off, as when its process dies or loses the database. */
export function severable(store: Store): { readonly store: Pick<Store, "jobQueue">; sever(): void } {
  let severed = false;
  const queue = store.jobQueue;
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      severed ? Promise.reject(new Error("the connection to the database was lost")) : call(...args);
  return {
    store: {
      jobQueue: {
        ensure: guard(queue.ensure),
        request: guard(queue.request),
        claimDue: guard(queue.claimDue),
        renew: guard(queue.renew),
        finish: guard(queue.finish),
        removeHeld: guard(queue.removeHeld),
        removeIdle: guard(queue.removeIdle),
        list: guard(queue.list),
      },
    },
    sever() {
      severed = true;
    },
  };
}

/** A clock tests move by hand. */
export function manualClock(start: number): {
  now: () => number;
  advance(ms: number): void;
  set(at: number): void;
} {
  let at = start;
  return {
    now: () => at,
    advance(ms) {
      at += ms;
    },
    set(value) {
      at = value;
    },
  };
}

/** A log that keeps what it was told, for assertions. */
export function recordingLog(): {
  readonly entries: { level: "warn" | "error"; message: string; details: Record<string, unknown> }[];
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
} {
  const entries: { level: "warn" | "error"; message: string; details: Record<string, unknown> }[] = [];
  return {
    entries,
    warn: (details, message) => entries.push({ level: "warn", message, details }),
    error: (details, message) => entries.push({ level: "error", message, details }),
  };
}
