/**
 * A world for the change-notification and reminder tests: the Graph simulator and the development
 * issuer on a clock the test moves, real Graph clients (delegated per person, or app-only), FieldCoach's
 * notification endpoint on a loopback port, and the sales org's people in a store.
 */

import Fastify, { type FastifyInstance } from "fastify";
import { createDevIssuer, type DevIssuer } from "../src/dev-issuer/dev-issuer.ts";
import { toIanaZone } from "../src/domain/time-zone.ts";
import { createGraphClient, type GraphClient } from "../src/graph/client.ts";
import { type GraphSimulator, startGraphSimulator } from "../src/graph-sim/server.ts";
import type { SimTenant, SimUser } from "../src/graph-sim/tenant-data.ts";
import { notificationRoutes } from "../src/notifications/notification-routes.ts";
import type { PersonInput, ReportingLineInput } from "../src/store/repositories/people.ts";
import type { Store } from "../src/store/store.ts";
import { APP_ID, GRAPH } from "./graph-test-support.ts";
import { manualClock } from "./jobs-backends.ts";

export interface NotificationWorld {
  readonly tenant: SimTenant;
  readonly issuer: DevIssuer;
  readonly sim: GraphSimulator;
  readonly clock: ReturnType<typeof manualClock>;
  /** FieldCoach's endpoints, listening: `${url}/graph/notifications`. */
  readonly app: FastifyInstance;
  readonly url: string;
  /** A client acting for `user`, each token holding the call's least privileged delegated permission. */
  clientFor(user: SimUser): GraphClient;
  /** An app-only client whose tokens hold `roles`. */
  appClient(roles: readonly string[]): GraphClient;
  close(): Promise<void>;
}

export async function startNotificationWorld(
  tenant: SimTenant,
  store: Pick<Store, "subscriptions" | "jobQueue">,
  start: number,
): Promise<NotificationWorld> {
  const clock = manualClock(start);
  const issuer = await createDevIssuer({ tenantId: tenant.tenantId, now: clock.now });
  const sim = await startGraphSimulator({ tenant, jwks: issuer.jwks, now: clock.now });
  const app = Fastify({ logger: false });
  notificationRoutes({ store, clock: clock.now })(app);
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const client = (
    getToken: (scopes: readonly string[]) => Promise<string>,
    mode: "delegated" | "application",
  ) =>
    createGraphClient({
      baseUrl: sim.baseUrl,
      getToken,
      mode,
      now: clock.now,
      sleep: async () => {},
    });
  return {
    tenant,
    issuer,
    sim,
    clock,
    app,
    url,
    clientFor: (user) =>
      client(
        (scopes) =>
          issuer.issueToken({
            tenantId: tenant.tenantId,
            oid: user.id,
            appId: APP_ID,
            audience: GRAPH,
            expiresIn: 3600,
            version: "1.0",
            scopes: scopes.slice(0, 1),
            name: user.displayName,
            upn: user.userPrincipalName,
          }),
        "delegated",
      ),
    appClient: (roles) =>
      client(
        () =>
          issuer.issueToken({
            tenantId: tenant.tenantId,
            oid: "00000000-0000-4000-8000-0000000005e1",
            appId: APP_ID,
            audience: GRAPH,
            expiresIn: 3600,
            version: "1.0",
            roles,
          }),
        "application",
      ),
    async close() {
      await app.close();
      await sim.close();
    },
  };
}

/** The simulated tenant's people and reporting lines, as a directory sync would store them. */
export function directoryOf(tenant: SimTenant): {
  readonly people: PersonInput[];
  readonly lines: ReportingLineInput[];
} {
  const managers = new Set(tenant.users.flatMap((user) => (user.managerId === null ? [] : [user.managerId])));
  return {
    people: tenant.users.map((user) => ({
      objectId: user.id,
      email: user.mail.toLowerCase(),
      name: user.displayName,
      aliases: [],
      role: managers.has(user.id) ? (user.managerId === null ? "executive" : "manager") : "rep",
      timeZone: toIanaZone(user.timeZone) ?? null,
      workingHours: null,
      hireDate: user.hireDate,
    })),
    lines: tenant.users.flatMap((user) =>
      user.managerId === null
        ? []
        : [{ personObjectId: user.id, managerObjectId: user.managerId, source: "graph" as const }],
    ),
  };
}
