/**
 * The whole server for integration tests: one or more simulated tenants (Graph simulator and development
 * issuer on loopback, On-Behalf-Of through msal-node), a real store (in-memory PGlite, or a schema of the
 * PostgreSQL named by FIELDCOACH_TEST_DATABASE_URL), the real routes, and a pinned clock. Tests call
 * `app.inject` with tokens the issuer signs, exactly as the pages would send Entra tokens.
 */

import { randomUUID } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import type { SimTenant, SimUser } from "../../src/graph-sim/tenant-data.ts";
import { createTokenValidator, entraIssuer } from "../../src/server/auth/token-validator.ts";
import type { PublicRoutes } from "../../src/server/build-app.ts";
import { ADMIN_ROLE, createAuthenticator } from "../../src/server/caller.ts";
import {
  LOCAL_API_SCOPE,
  LOCAL_APP_ID_URI,
  LOCAL_CLIENT_ID,
  type LocalTenant,
  startLocalTenant,
} from "../../src/server/demo/local-tenant.ts";
import { seedLocalTenant } from "../../src/server/demo/start-demo.ts";
import type { GraphAccess } from "../../src/server/graph-access.ts";
import type { Services } from "../../src/server/services.ts";
import { createDatabase } from "../../src/store/database.ts";
import { migrateToLatest } from "../../src/store/migrate.ts";
import { createStore, openStore, type Store } from "../../src/store/store.ts";
import { buildApiApp, memoryLogger } from "../support/api-app.ts";

export interface ServerWorld {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly store: Store;
  readonly tenants: readonly LocalTenant[];
  /** Everything the server logged, one JSON line each. */
  readonly logs: string[];
  /** A request as `user` (found in any of the tenants), with the admin role when asked. */
  call(
    user: SimUser | undefined,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    options?: {
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
      readonly admin?: boolean;
      readonly contentType?: string;
      /** The tenant to sign in to, for a person whose object id two tenants of the world share. */
      readonly tenantId?: string;
    },
  ): Promise<LightMyRequestResponse>;
  tokenFor(
    user: SimUser,
    options?: { readonly admin?: boolean; readonly tenantId?: string },
  ): Promise<string>;
  /** Advances the pinned clock. */
  advance(ms: number): void;
  now(): number;
  close(): Promise<void>;
}

export interface ServerWorldOptions {
  readonly tenants: readonly SimTenant[];
  readonly now: number;
  readonly rateLimit?: { readonly max: number; readonly windowMs: number };
  readonly consentedScopes?: readonly string[];
  /** Graph application permissions granted to FieldCoach; the demo's by default. */
  readonly applicationPermissions?: readonly string[];
  /** The webpack output to serve the pages from; none by default (the pages say to build them). */
  readonly webRoot?: string;
  /** Public routes besides the demo sign-in (Graph's notification endpoints). */
  readonly publicRoutes?: readonly PublicRoutes[];
}

const databaseUrl = process.env.FIELDCOACH_TEST_DATABASE_URL;

/** The store for a test file: a PostgreSQL schema when CI names a server, in-memory PGlite otherwise. */
export async function openTestStore(
  backend: "pglite" | "postgres",
): Promise<{ store: Store; drop(): Promise<void> }> {
  if (backend === "pglite") {
    const store = await openStore({ kind: "pglite", memory: true });
    return { store, drop: async () => {} };
  }
  if (databaseUrl === undefined || databaseUrl === "") {
    throw new Error(
      "FIELDCOACH_TEST_DATABASE_URL is not set: run the tests through .ci/run, or start a PostgreSQL and set it.",
    );
  }
  const schema = `fc_server_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const onPoolError = () => {};
  const admin = await createDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 1, onPoolError });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const db = await createDatabase({ kind: "postgres", url: databaseUrl, schema, onPoolError });
  await migrateToLatest(db);
  return {
    store: createStore(db),
    async drop() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

export async function startServerWorld(
  options: ServerWorldOptions & { readonly store: Store },
): Promise<ServerWorld> {
  let clock = options.now;
  const now = () => clock;
  const locals: LocalTenant[] = [];
  for (const tenant of options.tenants) {
    locals.push(
      await startLocalTenant({
        tenant,
        now,
        ...(options.consentedScopes === undefined ? {} : { consentedScopes: options.consentedScopes }),
        ...(options.applicationPermissions === undefined
          ? {}
          : { applicationPermissions: options.applicationPermissions }),
      }),
    );
  }
  const byTenant = new Map(locals.map((local) => [local.tenant.tenantId, local]));
  const localOf = (tenantId: string): LocalTenant => {
    const local = byTenant.get(tenantId);
    if (local === undefined) throw new RangeError(`no local tenant ${tenantId}`);
    return local;
  };
  const graph: GraphAccess = {
    asCaller: (caller) => localOf(caller.tenantId).graph.asCaller(caller),
    asPerson: (tenantId, objectId) => localOf(tenantId).graph.asPerson(tenantId, objectId),
    asApplication: (tenantId) => localOf(tenantId).graph.asApplication(tenantId),
  };
  const validator = createTokenValidator({
    audiences: [LOCAL_CLIENT_ID, LOCAL_APP_ID_URI],
    allowedTenants: [...byTenant.keys()],
    tokenVersion: 2,
    requiredScope: LOCAL_API_SCOPE,
    jwksUrlFor: (tenantId) => localOf(tenantId).issuerServer.jwksUri,
    issuerFor: (tenantId) => entraIssuer(tenantId, 2),
    clock: now,
  });
  const { store } = options;
  for (const tenant of options.tenants) {
    await seedLocalTenant(store, tenant, now());
  }
  const { logger, logs } = memoryLogger();
  const { app, services, sync } = await buildApiApp({
    store,
    graph,
    now,
    logger,
    authenticate: createAuthenticator(validator),
    adminConsentUrl: (tenantId) => localOf(tenantId).adminConsentUrl(tenantId),
    webRoot: options.webRoot,
    iconRoot: new URL("../../manifest/icons", import.meta.url).pathname,
    rateLimit: options.rateLimit ?? { max: 10_000, windowMs: 60_000 },
    // The demo picker serves one tenant, as demo mode does.
    publicRoutes: [locals[0]!.signIn, ...(options.publicRoutes ?? [])],
  });

  const userTenant = (user: SimUser, tenantId?: string): LocalTenant => {
    const local = locals.find(
      (candidate) =>
        (tenantId === undefined || candidate.tenant.tenantId === tenantId) &&
        candidate.tenant.users.some((u) => u.id === user.id),
    );
    if (local === undefined) throw new RangeError(`${user.mail} is in no tenant of this world`);
    return local;
  };
  const tokenFor: ServerWorld["tokenFor"] = (user, tokenOptions = {}) =>
    userTenant(user, tokenOptions.tenantId).apiToken(
      user.id,
      tokenOptions.admin === true ? { roles: [ADMIN_ROLE] } : {},
    );

  return {
    app,
    services,
    store,
    tenants: locals,
    logs,
    async call(user, method, url, callOptions = {}) {
      const headers: Record<string, string> = { ...callOptions.headers };
      if (user !== undefined)
        headers.authorization = `Bearer ${await tokenFor(user, {
          admin: callOptions.admin === true,
          ...(callOptions.tenantId === undefined ? {} : { tenantId: callOptions.tenantId }),
        })}`;
      if (callOptions.contentType !== undefined) headers["content-type"] = callOptions.contentType;
      return app.inject({
        method,
        url,
        headers,
        ...(callOptions.body === undefined
          ? {}
          : typeof callOptions.body === "string"
            ? { payload: callOptions.body }
            : {
                payload: JSON.stringify(callOptions.body),
                headers: { ...headers, "content-type": "application/json" },
              }),
      });
    },
    tokenFor,
    advance(ms) {
      clock += ms;
    },
    now,
    async close() {
      await sync.stop();
      await app.close();
      for (const local of locals) await local.close();
    },
  };
}
