/*
 * Every statement the store sends is pinned to one tenant: what isolation between tenants rests on, and
 * what Citus needs to send a query to the one node holding that tenant's rows (infra/citus-distribute.sql
 * distributes every table by tenant_id). Every repository method runs against PostgreSQL through a
 * Kysely plugin that keeps the syntax tree of each statement it sends. A statement is pinned when every
 * table it reads or writes is: by a WHERE conjunct `tenant_id = <the tenant>`, by a `(tenant_id, …) in`
 * list whose every tuple leads with the tenant, or by a join on `tenant_id = tenant_id` to a pinned
 * table; an INSERT writes the tenant in every row and names tenant_id among its ON CONFLICT keys; raw SQL
 * starts its WHERE with `tenant_id = <the tenant>`. Two methods work across tenants by design, named
 * below with why, and nothing else may. A twin tenant holding the same rows under the same keys is left
 * exactly as it was by everything done to the first.
 */

import { randomUUID } from "node:crypto";
import {
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  type QueryId,
  type RootOperationNode,
  sql,
} from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/store/database.ts";
import { migrateToLatest } from "../../src/store/migrate.ts";
import type { Database } from "../../src/store/schema.ts";
import { createStore, repositoriesOf, type Store } from "../../src/store/store.ts";
import { createSchemaDatabase, type SchemaDatabase } from "../server/schema-database.ts";
import { buildEvent, buildNote, buildOffer, buildPerson, DAY, HOUR, NOW } from "./store-builders.ts";

/** Methods that read or write across tenants on purpose. */
const ACROSS_TENANTS: Readonly<Record<string, string>> = {
  "tenants.listAll": "start-up gives every tenant its background jobs; requests never call it",
  "jobQueue.claimDue":
    "the job runner serves every tenant from one queue; each claimed row names its tenant, and everything the job then does is pinned to it",
};

interface Statement {
  readonly method: string;
  readonly node: RootOperationNode;
  readonly queryId: QueryId;
}

let database: SchemaDatabase;
let db: Kysely<Database>;
let recorded: Kysely<Database>;
const statements: Statement[] = [];
let method: string | undefined;

const recorder: KyselyPlugin = {
  transformQuery({ node, queryId }) {
    if (method !== undefined) statements.push({ method, node, queryId });
    return node;
  },
  async transformResult({ result }) {
    return result;
  },
};

beforeAll(async () => {
  database = await createSchemaDatabase("fc_tenant_filter");
  db = await createDatabase({
    kind: "postgres",
    url: database.url,
    maxConnections: 2,
    onPoolError: (error) => {
      throw error;
    },
  });
  await migrateToLatest(db);
  recorded = db.withPlugin(recorder);
});

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe("PostgreSQL: every store statement is pinned to a tenant", () => {
  const tenant = randomUUID();
  const twin = randomUUID();
  const called = new Set<string>();

  beforeAll(async () => {
    // The twin first, a year later, so that the queue's cross-tenant claim at NOW finds none of its jobs.
    await runEveryMethod(createStore(db), twin, NOW + 365 * DAY, () => {});
    const before = await rowsOf(db, twin);
    await runEveryMethod(createStore(recorded), tenant, NOW, (name) => {
      method = name;
      called.add(name);
    });
    method = undefined;
    expect(await rowsOf(db, twin)).toEqual(before);
  });

  it("runs every method of every repository", () => {
    const repositories = repositoriesOf(db) as unknown as Record<string, Record<string, unknown>>;
    const every = Object.entries(repositories).flatMap(([name, repository]) =>
      Object.keys(repository).map((key) => `${name}.${key}`),
    );
    expect([...called].sort()).toEqual(every.sort());
    const silent = every.filter((name) => !statements.some((statement) => statement.method === name));
    expect(silent, "methods that sent no statement").toEqual([]);
  });

  it("pins every statement to the tenant, except in the methods that work across tenants", () => {
    const unpinned = statements
      .filter((statement) => problemsOf(statement.node, tenant).length > 0)
      .map((statement) => statement.method);
    const strays = statements
      .filter((statement) => !(statement.method in ACROSS_TENANTS))
      .flatMap((statement) =>
        problemsOf(statement.node, tenant).map(
          (problem) => `${statement.method}: ${problem}\n  ${sqlOf(statement)}`,
        ),
      );
    expect(strays).toEqual([]);
    // The exceptions are real: each still sends a statement that is not pinned.
    expect([...new Set(unpinned)].sort()).toEqual(Object.keys(ACROSS_TENANTS).sort());
  });

  it("binds the tenant's id in every statement of the pinned methods", () => {
    const unbound = statements
      .filter((statement) => !(statement.method in ACROSS_TENANTS))
      .filter((statement) => !sqlOf(statement).parameters.includes(tenant))
      .map((statement) => statement.method);
    expect(unbound).toEqual([]);
  });
});

describe("the statement checker", () => {
  const t = randomUUID();
  const other = randomUUID();
  const check = (query: { toOperationNode(): OperationNode }) =>
    problemsOf(query.toOperationNode() as RootOperationNode, t);
  /** Releases two jobs named by (tenant, key) tuples, the second of tenant `second`. */
  const releaseTwo = (second: string) =>
    db
      .updateTable("job_leases")
      .set({ owner: null })
      .where((eb) =>
        eb(eb.refTuple("tenant_id", "job_key"), "in", [eb.tuple(t, "a"), eb.tuple(second, "b")]),
      );

  it("passes statements pinned by a conjunct, a tuple list, a join on tenant_id and an insert's rows", () => {
    expect(
      check(db.selectFrom("notes").selectAll().where("tenant_id", "=", t).where("note_id", "=", "n")),
    ).toEqual([]);
    expect(check(releaseTwo(t))).toEqual([]);
    expect(
      check(
        db
          .selectFrom("people as p")
          .innerJoin("reporting_lines as l", (join) =>
            join.onRef("l.tenant_id", "=", "p.tenant_id").onRef("l.person_object_id", "=", "p.object_id"),
          )
          .selectAll("p")
          .where("p.tenant_id", "=", t),
      ),
    ).toEqual([]);
    expect(
      check(
        db
          .insertInto("job_leases")
          .values({ tenant_id: t, job_key: "plan", due_at: new Date(NOW) })
          .onConflict((conflict) => conflict.columns(["tenant_id", "job_key"]).doNothing()),
      ),
    ).toEqual([]);
    expect(
      check(sql`select * from notes where tenant_id = ${t} and (note_id = ${"a"} or note_id = ${"b"})`),
    ).toEqual([]);
  });

  it("finds a table read without the tenant, beside it by OR, joined without it, or through a subquery", () => {
    expect(check(db.selectFrom("notes").selectAll().where("note_id", "=", "n"))).not.toEqual([]);
    expect(
      check(
        db
          .selectFrom("notes")
          .selectAll()
          .where((eb) => eb.or([eb("tenant_id", "=", t), eb("note_id", "=", "n")])),
      ),
    ).not.toEqual([]);
    expect(check(db.selectFrom("notes").selectAll().where("tenant_id", "=", other))).not.toEqual([]);
    expect(
      check(
        db
          .selectFrom("people as p")
          .leftJoin("reporting_lines as l", (join) => join.onRef("l.person_object_id", "=", "p.object_id"))
          .selectAll("p")
          .where("p.tenant_id", "=", t),
      ),
    ).not.toEqual([]);
    expect(
      check(
        db
          .deleteFrom("actions")
          .where("tenant_id", "=", t)
          .where("note_id", "in", (eb) =>
            eb.selectFrom("notes").select("note_id").where("rep_email", "=", "r"),
          ),
      ),
    ).not.toEqual([]);
    expect(check(releaseTwo(other))).not.toEqual([]);
  });

  it("finds an insert of another tenant's row or on conflict keys without tenant_id, and raw SQL not opening with it", () => {
    expect(
      check(
        db.insertInto("job_leases").values([
          { tenant_id: t, job_key: "plan", due_at: new Date(NOW) },
          { tenant_id: other, job_key: "plan", due_at: new Date(NOW) },
        ]),
      ),
    ).not.toEqual([]);
    expect(
      check(
        db
          .insertInto("job_leases")
          .values({ tenant_id: t, job_key: "plan", due_at: new Date(NOW) })
          .onConflict((conflict) => conflict.column("job_key").doNothing()),
      ),
    ).not.toEqual([]);
    expect(check(sql`select * from notes where note_id = ${"a"} and tenant_id = ${t}`)).not.toEqual([]);
    expect(check(sql`select * from notes where tenant_id = ${t} and note_id = ${"a"} or true`)).not.toEqual(
      [],
    );
  });
});

function sqlOf(statement: Statement): { readonly sql: string; readonly parameters: readonly unknown[] } {
  const compiled = db.getExecutor().compileQuery(statement.node, statement.queryId);
  return { sql: compiled.sql, parameters: compiled.parameters };
}

/** Every row of every tenant-keyed table that belongs to `tenantId`, table by table, in a stable order. */
async function rowsOf(db: Kysely<Database>, tenantId: string): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.columns
    where table_schema = current_schema() and column_name = 'tenant_id' order by table_name`.execute(db);
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.table(name)} where tenant_id = ${tenantId}`.execute(db);
    out[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

/*
 * The statement checker. Kysely's nodes are walked by their properties: every object with a `kind` is a
 * node, and every query node found anywhere (subqueries included) is checked on its own.
 */

type Node = OperationNode & Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is Node {
  return (
    typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string"
  );
}

function childrenOf(node: Node): Node[] {
  return Object.values(node).flatMap((value) =>
    Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [],
  );
}

function everyNode(node: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    out.push(next);
    stack.push(...childrenOf(next));
  }
  return out;
}

const QUERY_KINDS = new Set(["SelectQueryNode", "UpdateQueryNode", "DeleteQueryNode", "InsertQueryNode"]);

/** What keeps the statement from being pinned to `tenantId`; empty when it is. */
function problemsOf(root: RootOperationNode, tenantId: string): string[] {
  const node = root as Node;
  if (node.kind === "RawNode") return rawProblems(node, tenantId);
  return everyNode(node)
    .filter((query) => QUERY_KINDS.has(query.kind))
    .flatMap((query) => queryProblems(query, tenantId));
}

interface TableRef {
  readonly table: string;
  /** How the statement names it: its alias, or its name. */
  readonly name: string;
}

function identifierName(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.kind === "IdentifierNode") return node.name as string;
  if (node.kind === "SchemableIdentifierNode") return identifierName(node.identifier);
  if (node.kind === "TableNode") return identifierName(node.table);
  return undefined;
}

function tableRefOf(node: unknown): TableRef | undefined {
  if (!isNode(node)) return undefined;
  if (node.kind === "TableNode") {
    const table = identifierName(node)!;
    return { table, name: table };
  }
  if (node.kind === "AliasNode" && isNode(node.node) && node.node.kind === "TableNode") {
    return { table: identifierName(node.node)!, name: identifierName(node.alias)! };
  }
  return undefined;
}

function conjunctsOf(node: unknown): Node[] {
  if (!isNode(node)) return [];
  if (node.kind === "AndNode") return [...conjunctsOf(node.left), ...conjunctsOf(node.right)];
  if (node.kind === "ParensNode") return conjunctsOf(node.node);
  if (node.kind === "WhereNode" || node.kind === "OnNode") return conjunctsOf(node.where ?? node.on);
  return [node];
}

function operatorOf(node: Node): string | undefined {
  return node.kind === "BinaryOperationNode" && isNode(node.operator)
    ? (node.operator.operator as string)
    : undefined;
}

/** The table name a `tenant_id` reference points at ("" when unqualified); undefined for anything else. */
function tenantColumnOf(node: unknown): string | undefined {
  if (!isNode(node) || node.kind !== "ReferenceNode") return undefined;
  if (!isNode(node.column) || node.column.kind !== "ColumnNode") return undefined;
  if (identifierName(node.column.column) !== "tenant_id") return undefined;
  return identifierName(node.table) ?? "";
}

function isTenantValue(node: unknown, tenantId: string): boolean {
  return isNode(node) && node.kind === "ValueNode" && node.value === tenantId;
}

/** Names pinned by a conjunct on its own (`tenant_id = <tenant>`, or a tuple list leading with it). */
function pinnedBy(conjunct: Node, tenantId: string): string[] {
  const operator = operatorOf(conjunct);
  const [left, right] = [conjunct.leftOperand, conjunct.rightOperand];
  if (operator === "=") {
    const column = tenantColumnOf(left) ?? tenantColumnOf(right);
    const value = tenantColumnOf(left) === undefined ? left : right;
    return column !== undefined && isTenantValue(value, tenantId) ? [column] : [];
  }
  if (operator === "in" && isNode(left) && left.kind === "TupleNode" && isNode(right)) {
    const first = (left.values as unknown[])[0];
    const column = tenantColumnOf(first);
    const tuples =
      right.kind === "PrimitiveValueListNode" || right.kind === "ValueListNode" ? right.values : [];
    const rows = (tuples as unknown[]).filter(isNode);
    const allPinned =
      rows.length > 0 &&
      rows.every((row) => row.kind === "TupleNode" && isTenantValue((row.values as unknown[])[0], tenantId));
    return column !== undefined && allPinned ? [column] : [];
  }
  return [];
}

/** Pairs of names joined on `a.tenant_id = b.tenant_id`. */
function tenantJoinsOf(conjuncts: readonly Node[]): [string, string][] {
  return conjuncts.flatMap((conjunct): [string, string][] => {
    if (operatorOf(conjunct) !== "=") return [];
    const left = tenantColumnOf(conjunct.leftOperand);
    const right = tenantColumnOf(conjunct.rightOperand);
    return left !== undefined && right !== undefined ? [[left, right]] : [];
  });
}

function queryProblems(query: Node, tenantId: string): string[] {
  if (query.kind === "InsertQueryNode") return insertProblems(query, tenantId);
  const froms: unknown[] = [];
  if (query.kind === "SelectQueryNode")
    froms.push(...(((query.from as Node | undefined)?.froms as unknown[]) ?? []));
  if (query.kind === "UpdateQueryNode") froms.push(query.table);
  if (query.kind === "DeleteQueryNode") froms.push(...((query.from as Node).froms as unknown[]));
  const joins = ((query.joins as Node[] | undefined) ?? []).map((join) => ({
    ref: tableRefOf(join.table),
    on: conjunctsOf(join.on),
  }));
  const tables = [
    ...froms.map(tableRefOf).filter((ref): ref is TableRef => ref !== undefined),
    ...joins.flatMap((join) => (join.ref === undefined ? [] : [join.ref])),
  ];
  if (tables.length === 0) return [];
  const where = conjunctsOf(query.where);
  const resolve = (name: string) => (name === "" && tables.length === 1 ? tables[0]!.name : name);
  const pinned = new Set(where.flatMap((conjunct) => pinnedBy(conjunct, tenantId)).map(resolve));
  const links = [...tenantJoinsOf(where), ...joins.flatMap((join) => tenantJoinsOf(join.on))].map(
    ([a, b]) => [resolve(a), resolve(b)] as const,
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const [a, b] of links) {
      if (pinned.has(a) !== pinned.has(b)) {
        pinned.add(a);
        pinned.add(b);
        grew = true;
      }
    }
  }
  return tables
    .filter((ref) => !pinned.has(ref.name))
    .map((ref) => `${query.kind} reads ${ref.table} without tenant_id = the tenant`);
}

function insertProblems(query: Node, tenantId: string): string[] {
  const table = identifierName(query.into) ?? "?";
  const columns = ((query.columns as Node[] | undefined) ?? []).map((column) =>
    identifierName(column.column),
  );
  const at = columns.indexOf("tenant_id");
  if (at < 0) return [`insert into ${table} without a tenant_id column`];
  const values = query.values as Node | undefined;
  const problems: string[] = [];
  if (values?.kind === "ValuesNode") {
    for (const row of values.values as Node[]) {
      const value = (row.values as unknown[])[at];
      const bound =
        row.kind === "PrimitiveValueListNode" ? value === tenantId : isTenantValue(value, tenantId);
      if (!bound) problems.push(`insert into ${table} writes a row of another tenant`);
    }
  } else if (values?.kind !== "SelectQueryNode") {
    problems.push(`insert into ${table} from something other than values or a query`);
  }
  const conflict = query.onConflict as Node | undefined;
  if (conflict !== undefined) {
    const keys = ((conflict.columns as Node[] | undefined) ?? []).map((column) =>
      identifierName(column.column),
    );
    if (!keys.includes("tenant_id"))
      problems.push(`insert into ${table} meets conflicts on keys without tenant_id`);
  }
  return problems;
}

/** Raw SQL: its WHERE must open with `[alias.]tenant_id = <tenant>` and join nothing on by OR. */
function rawProblems(node: Node, tenantId: string): string[] {
  const fragments = node.sqlFragments as string[];
  const parameters = node.parameters as unknown[];
  const at = fragments.findIndex((fragment) => /\bwhere\s+(\w+\.)?tenant_id\s*=\s*$/i.test(fragment));
  if (at < 0 || !isTenantValue(parameters[at], tenantId))
    return ["raw SQL whose WHERE does not open with tenant_id"];
  const rest = fragments.slice(at + 1).join("?");
  let depth = 0;
  for (const [index, char] of [...rest].entries()) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (depth === 0 && /^\sor\s/i.test(rest.slice(index, index + 4)))
      return ["raw SQL with an OR beside tenant_id"];
  }
  return [];
}

/*
 * The scenario: every method of every repository, with arguments that make each send its statements
 * (non-empty lists, both branches of upserts where a method has two). `enter` is told each method's name
 * before it runs.
 */
async function runEveryMethod(store: Store, t: string, now: number, enter: (method: string) => void) {
  const run = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    enter(name);
    return work();
  };
  const by = { by: "max@contoso.com", now };
  const ids = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const shift = now - NOW;

  await run("tenants.upsert", () => store.tenants.upsert(t, "Contoso", now));
  await run("tenants.get", () => store.tenants.get(t));
  await run("tenants.recordConsent", () => store.tenants.recordConsent(t, now));
  await run("tenants.updateSettings", () => store.tenants.updateSettings(t, { bigDealThreshold: 5 }, now));
  await run("tenants.saveAdminSettings", async () => {
    await store.tenants.saveAdminSettings(t, { bigDealThreshold: 6 }, 0, by);
    await store.tenants.saveAdminSettings(t, { bigDealThreshold: 7 }, 1, by);
    await store.tenants.saveAdminSettings(t, { bigDealThreshold: 8 }, 1, by);
  });
  await run("tenants.settingsVersion", () => store.tenants.settingsVersion(t));
  await run("tenants.listAll", () => store.tenants.listAll());

  await run("people.replaceDirectory", () =>
    store.people.replaceDirectory(
      t,
      {
        people: [
          buildPerson({ objectId: ids(1), email: "max@contoso.com", role: "manager" }),
          buildPerson({ objectId: ids(2), email: "rita@contoso.com", aliases: ["rita.rep@contoso.com"] }),
        ],
        lines: [{ personObjectId: ids(2), managerObjectId: ids(1), source: "graph" }],
      },
      now,
    ),
  );
  await run("people.list", () => store.people.list(t));
  await run("people.byObjectId", () => store.people.byObjectId(t, ids(2)));
  await run("people.byAddress", () => store.people.byAddress(t, "rita.rep@contoso.com"));

  const key = "calendar:max@contoso.com";
  const window = { start: now - 30 * DAY, end: now + 30 * DAY };
  await run("syncState.recordSuccess", () =>
    store.syncState.recordSuccess(t, "directory", { deltaLink: "https://d/0", window: null }, now),
  );
  await run("syncState.advance", async () => {
    await store.syncState.advance(t, key, null, { deltaLink: "https://d/1", window }, now);
    await store.syncState.advance(t, key, "https://d/1", { deltaLink: "https://d/2", window }, now);
  });
  await run("syncState.get", () => store.syncState.get(t, key));
  await run("syncState.list", () => store.syncState.list(t));
  await run("syncState.recordFailure", () => store.syncState.recordFailure(t, key, "throttled", now));
  await run("syncState.reset", () => store.syncState.reset(t, "directory"));

  const fieldDay = buildEvent({
    eventId: "e1",
    start: now - 2 * DAY,
    end: now - 2 * DAY + 8 * HOUR,
    kind: "field-day",
    development: "skill",
    initiator: "manager",
  });
  await run("events.upsert", () =>
    store.events.upsert(
      t,
      "max@contoso.com",
      [fieldDay, buildEvent({ eventId: "e2", start: now, end: now + HOUR })],
      now,
    ),
  );
  await run("events.markCancelled", () => store.events.markCancelled(t, "max@contoso.com", ["e2"], now));
  await run("events.inWindow", async () => {
    await store.events.inWindow(t, "max@contoso.com", window);
    await store.events.inWindow(t, "max@contoso.com", window, { rep: "rita@contoso.com" });
  });
  await run("events.withICalUId", () => store.events.withICalUId(t, "ical-e1"));
  await run("events.latestFieldDays", () => store.events.latestFieldDays(t, "max@contoso.com", now));
  await run("events.customerCalls", async () => {
    await store.events.customerCalls(t);
    await store.events.customerCalls(t, "max@contoso.com");
  });
  await run("events.setBigDeals", () =>
    store.events.setBigDeals(
      t,
      [{ mailbox: "max@contoso.com", eventId: "e2", bigDeal: true, reasons: ["big deal: Fabrikam"] }],
      now,
    ),
  );

  await run("overrides.set", () =>
    store.overrides.set(t, "max@contoso.com", "ical-e2", { kind: "group" }, by),
  );
  await run("overrides.get", () => store.overrides.get(t, "max@contoso.com", "ical-e2"));
  await run("overrides.forMailbox", () => store.overrides.forMailbox(t, "max@contoso.com"));
  await run("overrides.clear", () => store.overrides.clear(t, "max@contoso.com", "ical-e2"));

  await run("policy.save", async () => {
    await store.policy.save(t, { horizonWeeks: 6 }, null, by);
    await store.policy.save(t, { horizonWeeks: 8 }, 1, by);
  });
  await run("policy.get", () => store.policy.get(t));

  const behaviour = { behaviourId: "listens", name: "Listens", description: "Lets the buyer talk." };
  await run("behaviours.replaceLibrary", async () => {
    await store.behaviours.replaceLibrary(t, [behaviour], now);
    await store.behaviours.replaceLibrary(t, [{ ...behaviour, behaviourId: "asks" }], now);
  });
  await run("behaviours.list", () => store.behaviours.list(t, { includeRetired: true }));

  const goal = {
    goalId: ids(30),
    text: "Three discovery calls",
    dueDate: "2026-04-01",
    status: "open" as const,
  };
  await run("plans.save", async () => {
    await store.plans.save(
      t,
      "rita@contoso.com",
      { focus: [{ behaviourId: "asks", targetRating: 3 }], cadenceOverride: null, goals: [goal] },
      null,
      by,
    );
    await store.plans.save(
      t,
      "rita@contoso.com",
      { focus: [], cadenceOverride: { fieldDaysPerMonth: 2 }, goals: [{ ...goal, status: "achieved" }] },
      1,
      by,
    );
  });
  await run("plans.get", () => store.plans.get(t, "rita@contoso.com"));
  await run("plans.cadenceOverrides", () => store.plans.cadenceOverrides(t, ["rita@contoso.com"]));

  await run("metrics.record", async () => {
    const origin = { ...by, source: "manual" as const, importId: null };
    await store.metrics.record(
      t,
      "rita@contoso.com",
      [{ metric: "pipeline", asOf: "2026-03-01", value: 4 }],
      origin,
    );
    await store.metrics.record(
      t,
      "rita@contoso.com",
      [{ metric: "pipeline", asOf: "2026-03-01", value: 5 }],
      origin,
    );
  });
  await run("metrics.values", () => store.metrics.values(t, "rita@contoso.com"));
  await run("metrics.history", () => store.metrics.history(t, "rita@contoso.com"));

  const note = buildNote({ noteId: ids(10), meetingICalUId: "ical-e1", meetingStart: now - 2 * DAY });
  const later = buildNote({ noteId: ids(11), meetingICalUId: "ical-e3", meetingStart: now - DAY });
  await run("notes.create", async () => {
    await store.notes.create(t, note, by);
    await store.notes.create(t, later, by);
    await store.notes.create(t, { ...note, noteId: ids(12) }, by);
  });
  await run("notes.get", () => store.notes.get(t, note.noteId));
  await run("notes.list", () =>
    store.notes.list(t, {
      meetingICalUId: "ical-e1",
      repEmails: ["rita@contoso.com"],
      managerEmails: ["max@contoso.com"],
      statuses: ["draft"],
      meetingWindow: window,
    }),
  );
  await run("notes.update", async () => {
    await store.notes.update(t, note.noteId, 1, { wentWell: "Opened with the customer's goals." }, by);
    await store.notes.update(t, note.noteId, 1, { gaps: "a stale save" }, by);
  });
  await run("notes.transition", async () => {
    await store.notes.transition(t, note.noteId, ["draft"], "shared", by);
    await store.notes.transition(t, note.noteId, ["shared"], "signed-off", by);
  });
  await run("notes.versions", () => store.notes.versions(t, note.noteId));

  const action = { actionId: ids(20), text: "Send the recap", owner: "rep" as const, dueDate: null };
  await run("actions.replaceForNote", async () => {
    await store.actions.replaceForNote(t, note.noteId, "rita@contoso.com", [action], by);
    await store.actions.replaceForNote(
      t,
      note.noteId,
      "rita@contoso.com",
      [
        { ...action, text: "Send the recap today" },
        { ...action, actionId: ids(21) },
      ],
      by,
    );
  });
  await run("actions.get", () => store.actions.get(t, ids(20)));
  await run("actions.forNote", () => store.actions.forNote(t, note.noteId));
  await run("actions.forNotes", () => store.actions.forNotes(t, [note.noteId, later.noteId]));
  await run("actions.openForRep", async () => {
    await store.actions.openForRep(t, "rita@contoso.com");
    await store.actions.openForRep(t, "rita@contoso.com", later.noteId);
  });
  await run("actions.setStatus", () => store.actions.setStatus(t, ids(20), "done", by));
  await run("actions.markFollowedUp", () => store.actions.markFollowedUp(t, [ids(21)], later.noteId, by));

  await run("reviewComments.add", () =>
    store.reviewComments.add(
      t,
      {
        commentId: ids(40),
        noteId: note.noteId,
        authorEmail: "eve@contoso.com",
        body: "Good",
        isDebrief: true,
      },
      now,
    ),
  );
  await run("reviewComments.forNotes", () => store.reviewComments.forNotes(t, [note.noteId]));

  const offer = (n: number, day: string) => {
    const start = Date.parse(`${day}T08:00:00Z`) + shift;
    return buildOffer({ suggestionId: ids(n), day, start, end: start + 4 * HOUR });
  };
  const offers = [offer(50, "2026-03-10"), offer(51, "2026-03-11"), offer(52, "2026-03-12")];
  await run("suggestions.replaceOffers", async () => {
    await store.suggestions.replaceOffers(t, "max@contoso.com", offers, now);
    await store.suggestions.replaceOffers(t, "max@contoso.com", offers.slice(0, 2), now);
  });
  await run("suggestions.list", async () => {
    await store.suggestions.list(t, "max@contoso.com");
    await store.suggestions.list(t, "max@contoso.com", ["offered", "accepted"]);
  });
  await run("suggestions.get", () => store.suggestions.get(t, ids(50)));
  await run("suggestions.accept", () => store.suggestions.accept(t, ids(50), by));
  await run("suggestions.dismiss", () => store.suggestions.dismiss(t, ids(51), by));
  await run("suggestions.reopen", () => store.suggestions.reopen(t, ids(50)));
  await run("suggestions.accept", () => store.suggestions.accept(t, ids(50), by));
  await run("suggestions.recordBooking", () =>
    store.suggestions.recordBooking(t, ids(50), { eventId: "booked-1", noteId: later.noteId }),
  );

  await run("audit.record", () =>
    store.audit.record(
      t,
      { actor: "max@contoso.com", action: "note.read", targetType: "note", targetId: note.noteId },
      now,
    ),
  );
  await run("audit.forTarget", () => store.audit.forTarget(t, "note", note.noteId));
  await run("audit.byActor", () => store.audit.byActor(t, "max@contoso.com"));

  const lease = { owner: "instance-1", now, leaseMs: 60_000 };
  await run("jobs.schedule", () => store.jobs.schedule(t, "sync", now));
  await run("jobs.get", () => store.jobs.get(t, "sync"));
  await run("jobs.claimDue", () => store.jobs.claimDue(t, lease, 10));
  await run("jobs.renew", () => store.jobs.renew(t, "sync", lease));
  await run("jobs.complete", () =>
    store.jobs.complete(t, "sync", { owner: "instance-1", now, nextDueAt: now + HOUR, error: null }),
  );

  await run("jobQueue.ensure", async () => {
    await store.jobQueue.ensure(t, "plan", now);
    await store.jobQueue.ensure(t, "reminders", now);
  });
  await run("jobQueue.request", () => store.jobQueue.request(t, key, now));
  await run("jobQueue.claimDue", () => store.jobQueue.claimDue(lease, 10));
  await run("jobQueue.renew", () =>
    store.jobQueue.renew(
      [
        { tenantId: t, jobKey: "plan" },
        { tenantId: t, jobKey: key },
      ],
      lease,
    ),
  );
  await run("jobQueue.finish", () =>
    store.jobQueue.finish(
      { tenantId: t, jobKey: key },
      { owner: "instance-1", now, nextDueAt: now + HOUR, error: null },
    ),
  );
  await run("jobQueue.removeHeld", () =>
    store.jobQueue.removeHeld({ tenantId: t, jobKey: "plan" }, "instance-1"),
  );
  await run("jobQueue.removeIdle", () => store.jobQueue.removeIdle(t, key, now));
  await run("jobQueue.list", () => store.jobQueue.list(t, "calendar:"));

  const subscription = {
    managerEmail: "max@contoso.com",
    mailboxId: ids(1),
    subscriptionId: "sub-1",
    clientStateHash: "hash",
    expiresAt: now + DAY,
    createdAt: now,
    renewedAt: now,
  };
  await run("subscriptions.put", () => store.subscriptions.put(t, subscription));
  await run("subscriptions.forManager", () => store.subscriptions.forManager(t, "max@contoso.com"));
  await run("subscriptions.byId", () => store.subscriptions.byId(t, "sub-1"));
  await run("subscriptions.renewed", () => store.subscriptions.renewed(t, "sub-1", now + 2 * DAY, now));
  await run("subscriptions.list", () => store.subscriptions.list(t));
  await run("subscriptions.remove", () => store.subscriptions.remove(t, "max@contoso.com", "sub-1"));

  const reminder = {
    dedupeKey: "note-missing:e1",
    activityType: "fieldDayNoteMissing",
    recipientEmail: "max@contoso.com",
  };
  await run("reminders.claim", async () => {
    await store.reminders.claim(t, reminder, "instance-1", now);
    await store.reminders.claim(t, { ...reminder, dedupeKey: "shared:n1" }, "instance-1", now);
  });
  await run("reminders.finish", () =>
    store.reminders.finish(t, reminder.dedupeKey, { status: "sent", failureCode: null }, now),
  );
  await run("reminders.release", () => store.reminders.release(t, "shared:n1", "instance-1"));
  await run("reminders.list", () => store.reminders.list(t));
  await run("reminders.setOptOut", async () => {
    await store.reminders.setOptOut(t, "rita@contoso.com", "all", true, now);
    await store.reminders.setOptOut(t, "max@contoso.com", "fieldDayNoteMissing", true, now);
    await store.reminders.setOptOut(t, "max@contoso.com", "fieldDayNoteMissing", false, now);
  });
  await run("reminders.optOuts", () => store.reminders.optOuts(t));
  await run("reminders.fieldDays", () => store.reminders.fieldDays(t, window));
  await run("reminders.noteMilestones", () =>
    store.reminders.noteMilestones(t, { since: now - 7 * DAY, meetings: ["ical-e1", "ical-e3"] }),
  );

  // A cutoff past every record above, so that each of its statements finds something to delete.
  await run("retention.deleteExpired", () => store.retention.deleteExpired(t, now + 365 * DAY, 100));

  await run("personData.export", () => store.personData.export(t, "rita@contoso.com"));
  await run("personData.erase", () => store.personData.erase(t, "rita@contoso.com"));
}
