/**
 * Demo mode: everything FieldCoach needs, on this machine. The seeded demo tenant is served by the Graph
 * simulator on a loopback port, tokens come from the local development issuer (also on loopback, with
 * an On-Behalf-Of endpoint msal-node talks to exactly as it would to Entra ID), and the store is PGlite
 * in the data folder, kept across restarts (`--fresh` starts over).
 */

import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DEMO_DEPLOYMENT } from "../../../manifest/deployment.ts";
import type { DemoConfig } from "../../config/load-config.ts";
import { generateDemoTenant } from "../../demo-tenant/generate-demo-tenant.ts";
import { createDevIssuer } from "../../dev-issuer/dev-issuer.ts";
import { startDevIssuerServer } from "../../dev-issuer/token-endpoint.ts";
import { createMsalOboTokenProvider } from "../../graph/msal-token-provider.ts";
import { startGraphSimulator } from "../../graph-sim/server.ts";
import { openStore, type Store } from "../../store/store.ts";
import { createTokenValidator, entraIssuer } from "../auth/token-validator.ts";
import type { PublicRoutes } from "../build-app.ts";
import { type Authenticator, createAuthenticator } from "../caller.ts";
import type { GraphAccess } from "../graph-access.ts";
import { createGraphAccess } from "../graph-access.ts";
import { DELEGATED_GRAPH_PERMISSIONS } from "../services.ts";
import { readTenantSettings, writeTenantSettings } from "../tenant-settings.ts";
import { demoSeedOf } from "./demo-anchor.ts";
import {
  applyCalendarChanges,
  calendarChangesOf,
  readCalendarChanges,
  writeCalendarChanges,
} from "./demo-calendar-changes.ts";
import { demoSignInRoutes } from "./demo-sign-in.ts";

export const DEMO_API_SCOPE = "access_as_user";
const MINTED_TOKEN_SECONDS = 3600;
const SAVE_EVERY_MS = 5_000;

export interface DemoEnvironment {
  readonly mode: "demo";
  readonly tenantId: string;
  readonly anchor: string;
  readonly store: Store;
  readonly graph: GraphAccess;
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

  const clientId = DEMO_DEPLOYMENT.clientId;
  const appIdUri = `api://localhost/${clientId}`;
  const clientSecret = randomBytes(32).toString("base64url");
  const issuer = await createDevIssuer({ tenantId, now });
  const issuerServer = await startDevIssuerServer({
    issuer,
    clients: [
      {
        clientId,
        clientSecret,
        apiAudiences: [clientId, appIdUri],
        delegatedScopes: DELEGATED_GRAPH_PERMISSIONS,
        appRoles: [],
      },
    ],
  });
  const sim = await startGraphSimulator({ tenant, jwks: issuer.jwks, now });
  const saved = await readCalendarChanges(dataDir);
  if (saved !== undefined) applyCalendarChanges(sim.state, saved);
  let savedSequence = sim.state.sequence;
  const saveChanges = async () => {
    if (sim.state.sequence === savedSequence) return;
    savedSequence = sim.state.sequence;
    await writeCalendarChanges(dataDir, calendarChangesOf(tenant, sim.state));
  };
  const saver = setInterval(() => void saveChanges(), SAVE_EVERY_MS);
  saver.unref();

  const store = await openStore({ kind: "pglite", dataDir: join(dataDir, "pglite") });
  // The simulator starts afresh every run, so delta links kept from an earlier run mean nothing to it.
  for (const state of await store.syncState.list(tenantId))
    await store.syncState.reset(tenantId, state.syncKey);
  const record = await store.tenants.upsert(tenantId, "Contoso (demo)", now());
  if (!("accounts" in record.settings)) {
    const settings = readTenantSettings(record.settings);
    await store.tenants.updateSettings(
      tenantId,
      writeTenantSettings({
        ...settings,
        bigDealThreshold: tenant.bigDealThreshold,
        accounts: tenant.accounts.map((account) => ({ ...account })),
      }),
      now(),
    );
  }

  const validator = createTokenValidator({
    audiences: [clientId, appIdUri],
    allowedTenants: [tenantId],
    tokenVersion: 2,
    requiredScope: DEMO_API_SCOPE,
    jwksUrlFor: () => issuerServer.jwksUri,
    issuerFor: (id) => entraIssuer(id, 2),
    clock: now,
  });
  const mintToken = async (_tenantId: string, objectId: string) => {
    const user = tenant.users.find((candidate) => candidate.id === objectId);
    const token = await issuer.issueToken({
      tenantId,
      oid: objectId,
      appId: clientId,
      audience: appIdUri,
      expiresIn: MINTED_TOKEN_SECONDS,
      version: "2.0",
      scopes: [DEMO_API_SCOPE],
      ...(user === undefined ? {} : { name: user.displayName, upn: user.mail }),
    });
    return { token, expiresAt: now() + MINTED_TOKEN_SECONDS * 1000 };
  };
  const graph = createGraphAccess({
    baseUrl: sim.baseUrl,
    onBehalfOf: createMsalOboTokenProvider({
      clientId,
      clientSecret,
      tenantId,
      authority: issuerServer.msal,
    }),
    mintToken,
    now,
  });

  return {
    mode: "demo",
    tenantId,
    anchor: seed.anchor,
    store,
    graph,
    authenticate: createAuthenticator(validator),
    signIn: demoSignInRoutes({ tenant, issuer, clientId, audience: appIdUri, scope: DEMO_API_SCOPE }),
    adminConsentUrl: (id) => `${issuerServer.url}/${id}/v2.0/adminconsent?client_id=${clientId}`,
    async close() {
      clearInterval(saver);
      await saveChanges();
      await sim.close();
      await issuerServer.close();
      await store.close();
    },
  };
}
