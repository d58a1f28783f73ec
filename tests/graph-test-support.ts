/**
 * A small Graph world for the adapter tests: a dev issuer, the simulator over a tenant built with
 * builders, tokens for any user or the app, and real Graph clients whose sleeps are recorded instead
 * of waited.
 */

import { attendeeOf, buildMeeting, buildTenant, buildUser } from "../src/demo-tenant/sim-test-builders.ts";
import { createDevIssuer, type DevIssuer } from "../src/dev-issuer/dev-issuer.ts";
import { createGraphClient, type GraphClient, type GraphClientOptions } from "../src/graph/client.ts";
import type { TokenProvider } from "../src/graph/middleware-auth.ts";
import { type GraphSimulator, startGraphSimulator } from "../src/graph-sim/server.ts";
import type { SimMeeting, SimTenant, SimUser } from "../src/graph-sim/tenant-data.ts";

export const NOW = Date.parse("2026-03-01T08:00:00Z");
export const APP_ID = "5f1c0a9e-1111-4000-8000-00000000f1e1";
export const GRAPH = "https://graph.microsoft.com";

export interface GraphWorld {
  readonly tenant: SimTenant;
  readonly issuer: DevIssuer;
  readonly sim: GraphSimulator;
  /** A delegated Graph token for `user` holding exactly `scopes`. */
  userToken(user: SimUser, scopes: readonly string[]): Promise<string>;
  /** An app-only Graph token holding `roles`. */
  appToken(roles: readonly string[]): Promise<string>;
  /** A client acting for `user` whose tokens hold, per call, the least privileged scope it names. */
  clientFor(user: SimUser, options?: Partial<GraphClientOptions>): RecordedClient;
  /** A client whose every token holds exactly `scopes`. */
  clientWithScopes(
    user: SimUser,
    scopes: readonly string[],
    options?: Partial<GraphClientOptions>,
  ): RecordedClient;
  appClient(roles: readonly string[], options?: Partial<GraphClientOptions>): RecordedClient;
  close(): Promise<void>;
}

export interface RecordedClient {
  readonly client: GraphClient;
  /** Every wait the client asked for, in milliseconds, in order. */
  readonly waits: number[];
}

export async function startGraphWorld(tenant: SimTenant): Promise<GraphWorld> {
  const issuer = await createDevIssuer({ tenantId: tenant.tenantId, now: () => NOW });
  const sim = await startGraphSimulator({ tenant, jwks: issuer.jwks, now: () => NOW });
  const userToken = (user: SimUser, scopes: readonly string[]) =>
    issuer.issueToken({
      tenantId: tenant.tenantId,
      oid: user.id,
      appId: APP_ID,
      audience: GRAPH,
      expiresIn: 3600,
      version: "1.0",
      scopes,
      name: user.displayName,
      upn: user.userPrincipalName,
    });
  const appToken = (roles: readonly string[]) =>
    issuer.issueToken({
      tenantId: tenant.tenantId,
      oid: "00000000-0000-4000-8000-0000000005e1",
      appId: APP_ID,
      audience: GRAPH,
      expiresIn: 3600,
      version: "1.0",
      roles,
    });
  const recorded = (getToken: TokenProvider, options: Partial<GraphClientOptions> = {}): RecordedClient => {
    const waits: number[] = [];
    const client = createGraphClient({
      baseUrl: sim.baseUrl,
      getToken,
      now: () => NOW,
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...options,
    });
    return { client, waits };
  };
  return {
    tenant,
    issuer,
    sim,
    userToken,
    appToken,
    clientFor: (user, options) => recorded((scopes) => userToken(user, scopes.slice(0, 1)), options),
    clientWithScopes: (user, scopes, options) => recorded(() => userToken(user, scopes), options),
    appClient: (roles, options) => recorded(() => appToken(roles), { mode: "application", ...options }),
    close: () => sim.close(),
  };
}

/**
 * A sales org: a VP, two managers, three reps each, a customer-facing calendar for the first manager.
 * Alex, the first rep, shares his calendar with his manager Megan; nobody else shares theirs.
 */
export function salesOrg(): {
  readonly tenant: SimTenant;
  readonly vp: SimUser;
  readonly managers: readonly SimUser[];
  readonly reps: readonly SimUser[];
} {
  const vp = buildUser("vera", { jobTitle: "VP Sales" });
  const managers = ["megan", "nestor"].map((name) =>
    buildUser(name, { managerId: vp.id, jobTitle: "Sales Manager" }),
  );
  const megan = managers[0]!;
  const reps = ["alex", "bianca", "chen", "dmitri", "eva", "farid"].map((name, i) =>
    buildUser(name, {
      managerId: managers[Math.floor(i / 3)]!.id,
      ...(i === 0 ? { calendarShares: [{ userId: megan.id, role: "read" as const }] } : {}),
    }),
  );
  const meetings: SimMeeting[] = [];
  for (let day = 0; day < 10; day++) {
    const date = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
    reps.slice(0, 3).forEach((rep, i) => {
      meetings.push(
        buildMeeting(rep, {
          iCalUId: `040000008200E00074C5B7101A82E008000000000000000000000000000000001000000${String(day * 10 + i).padStart(4, "0")}`,
          subject: `Customer call ${day}-${i}`,
          start: `${date}T${String(15 + i).padStart(2, "0")}:00:00.000Z`,
          end: `${date}T${String(15 + i).padStart(2, "0")}:45:00.000Z`,
          attendees: [
            attendeeOf(megan),
            { email: `buyer${i}@fabrikam.com`, name: "Buyer", type: "required", response: "accepted" },
          ],
        }),
      );
    });
  }
  return { tenant: buildTenant([vp, ...managers, ...reps], meetings), vp, managers, reps };
}

/** Meetings organized by `organizer` with `attendee`, one per hour from `firstStart`. */
export function hourlyMeetings(
  organizer: SimUser,
  attendee: SimUser,
  count: number,
  firstStart: string,
  tag: string,
): SimMeeting[] {
  const first = Date.parse(firstStart);
  return Array.from({ length: count }, (_, i) =>
    buildMeeting(organizer, {
      iCalUId: `${tag}${String(i).padStart(6, "0")}`,
      subject: `${tag} ${i}`,
      start: new Date(first + i * 3_600_000).toISOString(),
      end: new Date(first + i * 3_600_000 + 1_800_000).toISOString(),
      attendees: [attendeeOf(attendee)],
    }),
  );
}

export function window(startIso: string, endIso: string): { readonly start: number; readonly end: number } {
  return { start: Date.parse(startIso), end: Date.parse(endIso) };
}
