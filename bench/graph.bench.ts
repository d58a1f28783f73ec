/**
 * Loading and refreshing an org's calendars through the Graph adapter against the simulator with
 * injected latency: the demo tenant's four managers and 32 reps, a 13-week window, app-only mode.
 * Counts Graph requests against the fewest the API allows and times both passes.
 */

import { generateDemoTenant } from "../src/demo-tenant/generate-demo-tenant.ts";
import { createDevIssuer } from "../src/dev-issuer/dev-issuer.ts";
import type { CalendarSyncRequest, CalendarSyncResult } from "../src/domain/graph-ports.ts";
import { MS_PER_DAY } from "../src/domain/instant.ts";
import { MAX_BATCH_SIZE } from "../src/graph/batch.ts";
import { createGraphClient } from "../src/graph/client.ts";
import { DELTA_PAGE_SIZE, syncCalendars } from "../src/graph/delta-sync.ts";
import { startGraphSimulator } from "../src/graph-sim/server.ts";
import { overlapsWindow } from "../src/graph-sim/sim-event-json.ts";
import type { BenchModule, BenchSection } from "./bench-section.ts";

/** Seed 4 gives the demo tenant four managers with 32 reps between them. */
const SEED = 4;
const ANCHOR = "2026-03-02";
const WEEKS = 13;

const bench: BenchModule = {
  key: "graph",
  async run({ quick }): Promise<BenchSection> {
    const latencyMs = quick ? 20 : 50;
    const tenant = generateDemoTenant({ seed: SEED, anchor: ANCHOR });
    const now = Date.parse(`${ANCHOR}T00:00:00Z`);
    const window = { start: now - WEEKS * 7 * MS_PER_DAY, end: now };
    const vp = tenant.users.find((u) => u.managerId === null)!;
    const managers = tenant.users.filter((u) => u.managerId === vp.id);
    const reps = tenant.users.filter((u) => managers.some((m) => m.id === u.managerId));
    const people = [...managers, ...reps];

    const issuer = await createDevIssuer({ tenantId: tenant.tenantId, now: () => now });
    const sim = await startGraphSimulator({ tenant, jwks: issuer.jwks, now: () => now });
    const token = await issuer.issueToken({
      tenantId: tenant.tenantId,
      oid: "00000000-0000-4000-8000-0000000005e1",
      appId: "fieldcoach-bench",
      audience: "https://graph.microsoft.com",
      expiresIn: 3600,
      version: "1.0",
      roles: ["Calendars.Read"],
    });
    const client = createGraphClient({
      baseUrl: sim.baseUrl,
      getToken: async () => token,
      mode: "application",
    });
    sim.faults.latency(latencyMs);
    sim.faults.mailboxConcurrency(4);
    try {
      const firstRequests: CalendarSyncRequest[] = people.map((p) => ({
        mailboxId: p.id,
        window,
        state: undefined,
      }));
      const first = await timed(() => syncCalendars(client, firstRequests));
      const firstStats = sim.stats();
      const states = first.result.map(stateOf);
      sim.resetStats();
      const refresh = await timed(() =>
        syncCalendars(
          client,
          people.map((p, i) => ({ mailboxId: p.id, window, state: states[i] })),
        ),
      );
      const refreshStats = sim.stats();
      const changedOnRefresh = refresh.result.reduce(
        (n, r) => n + (r.ok ? r.changed.length + r.removedIds.length : 0),
        0,
      );
      if (changedOnRefresh !== 0 || refresh.result.some((r) => !r.ok || r.reset)) {
        throw new Error("the refresh found changes where there were none");
      }
      const pages = people.map((p) =>
        Math.max(
          1,
          Math.ceil(
            sim.state.calendarOf(p.id).filter((m) => overlapsWindow(m, window.start, window.end)).length /
              DELTA_PAGE_SIZE,
          ),
        ),
      );
      const minimum = minimumBatchedRequests(pages);
      const events = first.result.reduce((n, r) => n + (r.ok ? r.changed.length : 0), 0);
      return {
        title: `Graph: ${people.length} calendars (4 managers, ${reps.length} reps), ${WEEKS}-week window, ${latencyMs} ms latency`,
        figures: [
          { name: "calendars", value: people.length, unit: "calendars" },
          { name: "events loaded", value: events, unit: "events" },
          { name: "first load", value: firstStats.requests, unit: "requests", target: `minimum ${minimum}` },
          { name: "first load", value: first.ms, unit: "ms" },
          {
            name: "refresh, no changes",
            value: refreshStats.requests,
            unit: "requests",
            target: `≤ ${Math.ceil(people.length / MAX_BATCH_SIZE)} (1 per 20 calendars)`,
          },
          { name: "refresh, no changes", value: refresh.ms, unit: "ms" },
          {
            name: "throttled answers",
            value: firstStats.throttled + refreshStats.throttled,
            unit: "429s",
            target: "0",
          },
        ],
        report: {
          calendars: people.length,
          firstLoadRequests: firstStats.requests,
          minimumFirstLoadRequests: minimum,
          refreshRequests: refreshStats.requests,
          firstLoadMs: Math.round(first.ms),
          refreshMs: Math.round(refresh.ms),
        },
        notes: [
          `Delta pages hold up to ${DELTA_PAGE_SIZE} events (Prefer odata.maxpagesize); calendar c needs p(c) = max(1, ceil(events(c) / ${DELTA_PAGE_SIZE})) pages, here ${describePages(pages)}.`,
          `A $batch holds 20 requests and a calendar's next page can only be asked once its previous page is in, so the minimum is the sum over rounds r of ceil(#{c : p(c) >= r} / 20). With every calendar fitting one page it would be ceil(calendars / 20) = ${Math.ceil(people.length / MAX_BATCH_SIZE)}.`,
          `A refresh with no changes needs one delta-link request per calendar, batched: ceil(${people.length} / 20) = ${Math.ceil(people.length / MAX_BATCH_SIZE)} requests.`,
          "App-only mode (Calendars.Read application permission); the simulator answers 429 MailboxConcurrency above 4 requests in flight per mailbox.",
          "Wall times include the simulator's own work (building and serializing every event) on the same machine and event loop, so they vary with machine load; the request counts do not.",
        ],
      };
    } finally {
      await sim.close();
    }
  },
};

export default bench;

function stateOf(result: CalendarSyncResult): string {
  if (!result.ok) throw new Error(`first load failed for ${result.mailboxId}: ${result.failure.message}`);
  return result.state;
}

/** The fewest `$batch` calls that fetch every calendar's pages, one page per calendar per round. */
function minimumBatchedRequests(pages: readonly number[]): number {
  let total = 0;
  for (let round = 1; round <= Math.max(0, ...pages); round++) {
    total += Math.ceil(pages.filter((p) => p >= round).length / MAX_BATCH_SIZE);
  }
  return total;
}

function describePages(pages: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const p of pages) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([p, n]) => `${n} calendar${n === 1 ? "" : "s"} with ${p} page${p === 1 ? "" : "s"}`)
    .join(", ");
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}
