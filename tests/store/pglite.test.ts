import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../src/store/database.ts";
import { migrateToLatest } from "../../src/store/migrate.ts";
import type { Database } from "../../src/store/schema.ts";
import { createStore } from "../../src/store/store.ts";
import { NOW } from "./store-builders.ts";
import { defineStoreSuite } from "./store-suite.ts";

// One in-memory PGlite for the whole suite: creating one takes about two seconds.
defineStoreSuite({
  name: "PGlite",
  open: () => createDatabase({ kind: "pglite", memory: true }),
  dispose: async () => {},
});

describe("PGlite: a data folder", () => {
  it("keeps the database across a close and reopen, and migrates it once", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "fieldcoach-pglite-"));
    try {
      let db: Kysely<Database> = await createDatabase({ kind: "pglite", dataDir });
      expect(await migrateToLatest(db)).toEqual([
        "0001-initial",
        "0002-background-work",
        "0003-tenant-settings-version",
      ]);
      await createStore(db).tenants.upsert("00000000-0000-4000-8000-00000000c0de", "Contoso", NOW);
      await db.destroy();

      db = await createDatabase({ kind: "pglite", dataDir });
      expect(await migrateToLatest(db)).toEqual([]);
      expect(await createStore(db).tenants.get("00000000-0000-4000-8000-00000000c0de")).toMatchObject({
        name: "Contoso",
      });
      await db.destroy();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
