// infra/citus-distribute.sql against the schema the store's migrations create (in PGlite; no Citus runs
// here): it must name every tenant-keyed table once, after the tables they reference, and the schema
// must meet what Citus asks of a table distributed by tenant_id.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../src/store/database.ts";
import { migrateToLatest } from "../src/store/migrate.ts";
import type { Database } from "../src/store/schema.ts";

const ROOT = resolve(import.meta.dirname, "..");
const script = readFileSync(join(ROOT, "infra/citus-distribute.sql"), "utf8");
const statements = script
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("--"))
  .map((line) => {
    const match =
      /^SELECT create_distributed_table\('(\w+)', 'tenant_id'(, colocate_with => '(\w+)')?\);$/.exec(line);
    if (match === null) throw new Error(`not a create_distributed_table statement: ${line}`);
    return { table: match[1]!, colocateWith: match[3] };
  });
const distributed = statements.map((statement) => statement.table);

let db: Kysely<Database>;
beforeAll(async () => {
  db = await createDatabase({ kind: "pglite", memory: true });
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
});

async function rows<Row>(query: ReturnType<typeof sql<Row>>): Promise<Row[]> {
  return (await query.execute(db)).rows;
}

describe("infra/citus-distribute.sql", () => {
  it("distributes every table that has a tenant, once, and leaves only Kysely's bookkeeping", async () => {
    const tables = await rows<{ name: string; tenant: boolean }>(sql`
      select t.table_name as name,
             exists (select 1 from information_schema.columns c
                     where c.table_schema = t.table_schema and c.table_name = t.table_name
                       and c.column_name = 'tenant_id') as tenant
      from information_schema.tables t
      where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'`);
    const tenantKeyed = tables.filter((table) => table.tenant).map((table) => table.name);
    expect([...distributed].sort()).toEqual(tenantKeyed.sort());
    expect(new Set(distributed).size).toBe(distributed.length);
    expect(
      tables
        .filter((table) => !table.tenant)
        .map((table) => table.name)
        .sort(),
    ).toEqual(["kysely_migration", "kysely_migration_lock"]);
  });

  it("starts with tenants and colocates every other table with it", () => {
    expect(statements[0]).toEqual({ table: "tenants", colocateWith: undefined });
    for (const statement of statements.slice(1))
      expect(statement.colocateWith, statement.table).toBe("tenants");
  });

  it("distributes a table only after the tables its foreign keys point to", async () => {
    const foreignKeys = await rows<{ child: string; parent: string }>(sql`
      select conrelid::regclass::text as child, confrelid::regclass::text as parent
      from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace`);
    expect(foreignKeys.length).toBeGreaterThan(0);
    for (const { child, parent } of foreignKeys) {
      expect(distributed.indexOf(parent), `${child} -> ${parent}`).toBeLessThan(distributed.indexOf(child));
    }
  });

  it("finds the schema as Citus needs it: tenant_id of one type, in every key, and identities as bigint", async () => {
    const tenantTypes = await rows<{ type: string }>(sql`
      select distinct data_type as type from information_schema.columns
      where table_schema = current_schema() and column_name = 'tenant_id'`);
    expect(tenantTypes).toEqual([{ type: "uuid" }]);
    const keysWithoutTenant = await rows<{ name: string }>(sql`
      select con.conname as name from pg_constraint con
      where con.contype in ('p', 'u', 'f') and con.connamespace = current_schema()::regnamespace
        and con.conrelid::regclass::text not like 'kysely_migration%'
        and not exists (select 1 from pg_attribute a
                        where a.attrelid = con.conrelid and a.attnum = any(con.conkey) and a.attname = 'tenant_id')`);
    expect(keysWithoutTenant).toEqual([]);
    const identities = await rows<{ type: string }>(sql`
      select distinct data_type as type from information_schema.columns
      where table_schema = current_schema() and is_identity = 'YES'`);
    expect(identities.map((identity) => identity.type)).toEqual(["bigint"]);
  });
});
