/**
 * The server world the hostile-input tests attack: tests/server/org-tenant.ts's organisation with its
 * coaching records, and a twin tenant holding the same people (the same addresses, the same object ids,
 * the same meetings) under another tenant id, with records of its own. Every key but the tenant id
 * collides, so any read or write that forgets the tenant shows. The store is in-memory PGlite opened
 * here, so that the tests can fingerprint every table before and after a request.
 */

import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll } from "vitest";
import type { SimTenant, SimUser } from "../../../src/graph-sim/tenant-data.ts";
import { notificationRoutes } from "../../../src/notifications/notification-routes.ts";
import { createDatabase } from "../../../src/store/database.ts";
import { migrateToLatest } from "../../../src/store/migrate.ts";
import type { Database } from "../../../src/store/schema.ts";
import { createStore } from "../../../src/store/store.ts";
import { type CoachingRecords, seedCoachingRecords } from "../../server/coaching-records.ts";
import { NOW, type OrgTenant, orgTenant } from "../../server/org-tenant.ts";
import { type ServerWorld, startServerWorld } from "../../server/server-world.ts";

export const TWIN_TENANT_ID = "7d2e9b14-0000-4000-8000-0000000000b2";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface CallOptions {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly contentType?: string;
  readonly admin?: boolean;
}

/** What one tenant holds besides its notes: ids the attacks reuse elsewhere. */
export interface TenantRecords extends CoachingRecords {
  readonly commentId: string;
  readonly goalId: string;
  /** Offered to Mia, still open. */
  readonly suggestionId: string;
  /** Offered to Mia and dismissed. */
  readonly dismissedSuggestionId: string;
}

export interface HostileWorld {
  readonly world: ServerWorld;
  readonly org: OrgTenant;
  /** The same people and meetings as `org`, in another tenant. */
  readonly twin: OrgTenant;
  readonly records: TenantRecords;
  readonly twinRecords: TenantRecords;
  /** A request as `user` of the tenant `in`. */
  as(
    within: OrgTenant,
    user: SimUser,
    method: Method,
    url: string,
    options?: CallOptions,
  ): Promise<LightMyRequestResponse>;
  /** Every table's row count and a digest of its rows, by table name; only one tenant's rows when named. */
  fingerprint(tenantId?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startHostileWorld(
  options: { readonly webRoot?: string; readonly tenants?: readonly [SimTenant, SimTenant] } = {},
): Promise<HostileWorld> {
  const org = orgTenant();
  const twin = orgTenant(TWIN_TENANT_ID, "");
  const db = await createDatabase({ kind: "pglite", memory: true });
  await migrateToLatest(db);
  const store = createStore(db);
  const world = await startServerWorld({
    tenants: options.tenants ?? [org.tenant, twin.tenant],
    now: NOW,
    store,
    rateLimit: { max: 1_000_000, windowMs: 60_000 },
    publicRoutes: [notificationRoutes({ store, clock: () => world.now() })],
    ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
  });
  const as: HostileWorld["as"] = (within, user, method, url, callOptions = {}) =>
    world.call(user, method, url, { ...callOptions, tenantId: within.tenant.tenantId });
  const records = await seedTenant(world, org, as);
  const twinRecords = await seedTenant(world, twin, as);
  return {
    world,
    org,
    twin,
    records,
    twinRecords,
    as,
    fingerprint: (tenantId) => fingerprintOf(db, tenantId),
    async close() {
      await world.close();
      await store.close();
    },
  };
}

/** Starts the world before the file's tests and closes it after them; call the result inside tests. */
export function hostileWorldOfFile(): () => HostileWorld {
  let started: HostileWorld | undefined;
  beforeAll(async () => {
    started = await startHostileWorld();
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  return () => {
    if (started === undefined) throw new Error("the hostile world is not started yet");
    return started;
  };
}

async function seedTenant(
  world: ServerWorld,
  org: OrgTenant,
  as: HostileWorld["as"],
): Promise<TenantRecords> {
  const ok = async (response: Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> => {
    const answered = await response;
    if (answered.statusCode >= 300)
      throw new Error(`seeding answered ${answered.statusCode}: ${answered.body}`);
    return answered;
  };
  const coaching = await seedCoachingRecords(world, org);
  const commentId = randomUUID();
  await ok(
    as(org, org.vera, "POST", `/api/reports/${coaching.reportId}/comments`, {
      body: { id: commentId, body: "Debriefed with Mia.", debrief: true },
    }),
  );
  const goalId = randomUUID();
  await ok(
    as(org, org.mia, "PUT", `/api/reps/${org.ana.mail}/plan`, {
      headers: { "if-match": "0" },
      body: {
        focus: [{ behaviourId: "plans-the-call", targetRating: 3 }],
        goals: [{ id: goalId, text: "Run every call from a plan", due: "2026-04-30", status: "open" }],
        cadenceOverride: null,
      },
    }),
  );
  await ok(
    as(org, org.mia, "POST", `/api/reps/${org.ana.mail}/metrics/import`, {
      body: "date,pipeline,closed-value\n2026-02-27,12,40000\n",
      contentType: "text/csv",
    }),
  );
  await ok(
    as(org, org.mia, "PUT", `/api/events/${encodeURIComponent(org.meetings.customerCall)}/override`, {
      body: { initiator: "manager", kind: null, reason: "I asked Ben to bring me in" },
    }),
  );
  const offered = (await ok(as(org, org.mia, "GET", "/api/suggestions"))).json().suggestions as {
    id: string;
  }[];
  if (offered.length < 2) throw new Error("the seed needs two suggestions for Mia");
  await ok(as(org, org.mia, "POST", `/api/suggestions/${offered[1]!.id}/dismiss`));
  // Everyone signs in once and every manager's calendar is read, so that later requests find the
  // directory and the calendars synced and a refused request has nothing left to fetch.
  for (const user of [org.vera, org.otto, org.max, org.omar, org.ana, org.ben, org.cat, org.zoe, org.ida]) {
    await ok(as(org, user, "GET", "/api/me"));
  }
  for (const manager of [org.max, org.omar]) await ok(as(org, manager, "GET", "/api/suggestions"));
  return {
    ...coaching,
    commentId,
    goalId,
    suggestionId: offered[0]!.id,
    dismissedSuggestionId: offered[1]!.id,
  };
}

async function fingerprintOf(
  db: Kysely<Database>,
  tenantId: string | undefined,
): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  const digests = sql.join(
    tables.rows.map(
      ({ name }) =>
        sql`select ${name}::text as name, count(*)::text || ' ' || md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as digest
          from ${sql.table(name)} r ${tenantId === undefined ? sql`` : sql`where r.tenant_id = ${tenantId}`}`,
    ),
    sql` union all `,
  );
  const { rows } = await sql<{ name: string; digest: string }>`${digests}`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
