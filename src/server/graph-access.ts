/**
 * Microsoft Graph as a given person: On-Behalf-Of the token that person sent to FieldCoach's API, the
 * same code path in demo mode (against the development issuer) and against Entra ID. One Graph client
 * per person, for MSAL's token cache, and one per-mailbox concurrency limit for all of them: Graph
 * counts its 4 concurrent requests per app and mailbox, whoever's token the app sends.
 * Background work (scheduled sync) acts for a person only with a token of theirs that is still valid:
 * the last one they sent (kept in memory, never stored), or in demo mode one the local issuer mints.
 */

import type { Instant } from "../domain/instant.ts";
import {
  createGraphClient,
  type GraphClient,
  type GraphClientOptions,
  OUTLOOK_CONCURRENCY_PER_MAILBOX,
} from "../graph/client.ts";
import { createGraphPorts, type GraphPorts } from "../graph/graph-ports.ts";
import type { TokenProvider } from "../graph/middleware-auth.ts";
import { MailboxSlots } from "../graph/middleware-mailbox-limit.ts";
import type { Caller } from "./caller.ts";

export interface GraphAccess {
  /** Graph as the signed-in caller of this request. */
  asCaller(caller: Caller): GraphPorts;
  /** Graph as a person outside any request of theirs; undefined when no valid token of theirs is at hand. */
  asPerson(tenantId: string, objectId: string): Promise<GraphPorts | undefined>;
  /**
   * Graph as FieldCoach itself in a tenant (app-only, client credentials): it reaches what the tenant's
   * admin granted the app, and nothing more. Undefined when this deployment has no app client there.
   */
  asApplication(tenantId: string): GraphPorts | undefined;
}

export interface GraphAccessOptions {
  /** Graph's version root: the simulator's in demo mode. */
  readonly baseUrl: string;
  /** A token provider exchanging the person's API token On-Behalf-Of. */
  readonly onBehalfOf: (assertion: string) => TokenProvider;
  /** Demo mode: an API token for anyone, from the development issuer. */
  readonly mintToken?: (tenantId: string, objectId: string) => Promise<{ token: string; expiresAt: Instant }>;
  /** FieldCoach's own (app-only) Graph client in a tenant, when it has one there. */
  readonly application?: (tenantId: string) => GraphClient | undefined;
  readonly now: () => Instant;
  /**
   * The Graph client's timing, production's by default: tests of failing Graph shorten the timeout and
   * record the waits instead of sleeping through them.
   */
  readonly clientTiming?: GraphClientTiming;
}

export type GraphClientTiming = Pick<GraphClientOptions, "timeoutMs" | "backoffMs" | "sleep">;

/** A token is used for background work only while it has at least this long to live. */
const MIN_REMAINING_MS = 5 * 60_000;

interface PersonClient {
  assertion: string;
  expiresAt: Instant;
  readonly ports: GraphPorts;
}

export function createGraphAccess(options: GraphAccessOptions): GraphAccess {
  const clients = new Map<string, PersonClient>();
  const mailboxSlots = new MailboxSlots(OUTLOOK_CONCURRENCY_PER_MAILBOX);
  const appPorts = new WeakMap<GraphClient, GraphPorts>();

  const portsFor = (key: string, assertion: string, expiresAt: Instant): GraphPorts => {
    const existing = clients.get(key);
    if (existing !== undefined) {
      // The newest token wins; MSAL keys its cache by the assertion, so each new one is exchanged once.
      if (expiresAt >= existing.expiresAt) {
        existing.assertion = assertion;
        existing.expiresAt = expiresAt;
      }
      return existing.ports;
    }
    const entry: PersonClient = {
      assertion,
      expiresAt,
      ports: createGraphPorts(
        createGraphClient({
          baseUrl: options.baseUrl,
          getToken: (scopes) => options.onBehalfOf(entry.assertion)(scopes),
          mailboxSlots,
          now: options.now,
          ...options.clientTiming,
        }),
      ),
    };
    clients.set(key, entry);
    return entry.ports;
  };

  return {
    asCaller: (caller) => portsFor(`${caller.tenantId}|${caller.objectId}`, caller.token, caller.expiresAt),
    async asPerson(tenantId, objectId) {
      const key = `${tenantId}|${objectId}`;
      const existing = clients.get(key);
      if (existing !== undefined && existing.expiresAt - options.now() > MIN_REMAINING_MS)
        return existing.ports;
      if (options.mintToken === undefined) return undefined;
      const minted = await options.mintToken(tenantId, objectId);
      return portsFor(key, minted.token, minted.expiresAt);
    },
    asApplication(tenantId) {
      const client = options.application?.(tenantId);
      if (client === undefined) return undefined;
      let ports = appPorts.get(client);
      if (ports === undefined) {
        ports = createGraphPorts(client);
        appPorts.set(client, ports);
      }
      return ports;
    },
  };
}
