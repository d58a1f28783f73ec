/**
 * Demo mode: everything FieldCoach needs, on this machine. The seeded demo tenant runs as a local tenant
 * (Graph simulator and development issuer on loopback ports), and the store is PGlite in the data folder,
 * kept across restarts (`--fresh` starts over), together with the demo's seed and anchor Monday and the
 * calendar changes made in the simulator (field days booked).
 */

import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DemoConfig } from "../../config/load-config.ts";
import { generateDemoTenant } from "../../demo-tenant/generate-demo-tenant.ts";
import type { GraphClient } from "../../graph/client.ts";
import type { GraphSimulator } from "../../graph-sim/server.ts";
import type { SimTenant } from "../../graph-sim/tenant-data.ts";
import { openStore, type Store } from "../../store/store.ts";
import type { PublicRoutes } from "../build-app.ts";
import type { Authenticator } from "../caller.ts";
import type { GraphAccess } from "../graph-access.ts";
import { adminSettingsPatch, readTenantSettings } from "../tenant-settings.ts";
import { demoSeedOf } from "./demo-anchor.ts";
import { DEMO_BEHAVIOURS } from "./demo-behaviours.ts";
import {
  applyCalendarChanges,
  calendarChangesOf,
  readCalendarChanges,
  writeCalendarChanges,
} from "./demo-calendar-changes.ts";
import { startLocalTenant } from "./local-tenant.ts";

const SAVE_EVERY_MS = 5_000;

export interface DemoEnvironment {
  readonly mode: "demo";
  readonly tenantId: string;
  readonly anchor: string;
  readonly store: Store;
  readonly graph: GraphAccess;
  /** Graph as FieldCoach itself in a tenant it serves (app-only calls); undefined for any other tenant. */
  readonly appGraph: (tenantId: string) => GraphClient | undefined;
  /** The Graph simulator the demo tenant lives in (tests read what it was sent). */
  readonly sim: GraphSimulator;
  readonly authenticate: Authenticator;
  readonly signIn: PublicRoutes;
  readonly adminConsentUrl: (tenantId: string) => string;
  /** Saves the simulator's calendar changes and stops the simulator, the issuer and the store. */
  close(): Promise<void>;
}

export async function startDemo(config: DemoConfig, now: () => number = Date.now): Promise<DemoEnvironment> {
  const dataDir = resolve(config.dataDir);
  if (config.fresh) await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const seed = await demoSeedOf(dataDir, now());
  const tenant = generateDemoTenant(seed);
  const tenantId = tenant.tenantId;
  const local = await startLocalTenant({ tenant, now });

  const saved = await readCalendarChanges(dataDir);
  if (saved !== undefined) applyCalendarChanges(local.sim.state, saved);
  let savedSequence = local.sim.state.sequence;
  const saveChanges = async () => {
    if (local.sim.state.sequence === savedSequence) return;
    savedSequence = local.sim.state.sequence;
    await writeCalendarChanges(dataDir, calendarChangesOf(tenant, local.sim.state));
  };
  const saver = setInterval(() => void saveChanges(), SAVE_EVERY_MS);
  saver.unref();

  const store = await openStore({ kind: "pglite", dataDir: join(dataDir, "pglite") });
  // The simulator starts afresh every run, so delta links kept from an earlier run mean nothing to it.
  for (const state of await store.syncState.list(tenantId))
    await store.syncState.reset(tenantId, state.syncKey);
  await seedLocalTenant(store, tenant, now());

  return {
    mode: "demo",
    tenantId,
    anchor: seed.anchor,
    store,
    graph: local.graph,
    appGraph: (id) => (id === tenantId ? local.appGraph : undefined),
    sim: local.sim,
    authenticate: local.authenticate,
    signIn: local.signIn,
    adminConsentUrl: local.adminConsentUrl,
    async close() {
      clearInterval(saver);
      await saveChanges();
      await local.close();
      await store.close();
    },
  };
}

/**
 * What an administrator would set up in a real tenant, written once for a simulated one: its customer
 * accounts and big-deal threshold, and a behaviour library. Later changes by an admin are kept.
 */
export async function seedLocalTenant(store: Store, tenant: SimTenant, now: number): Promise<void> {
  const record =
    (await store.tenants.get(tenant.tenantId)) ??
    (await store.tenants.upsert(tenant.tenantId, "Contoso (demo)", now));
  if ("accounts" in record.settings) return;
  await store.tenants.updateSettings(
    tenant.tenantId,
    adminSettingsPatch({
      ...readTenantSettings(record.settings),
      bigDealThreshold: tenant.bigDealThreshold,
      accounts: tenant.accounts.map((account) => ({ ...account })),
      // The demo's app holds Calendars.Read (application), and its administrator opted in to using it.
      readRepCalendars: true,
    }),
    now,
  );
  if ((await store.behaviours.list(tenant.tenantId)).length === 0) {
    await store.behaviours.replaceLibrary(tenant.tenantId, DEMO_BEHAVIOURS, now);
  }
}
