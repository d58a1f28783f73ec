/**
 * The API under load: autocannon against the server of bench/api-server.ts (demo mode, its own
 * process), once with PGlite and once with PostgreSQL, on three routes: `/healthz` (no token, no
 * database: the floor of what this server and machine can answer), the team dashboard of a manager, and
 * the coaching note's autosave (PUT /api/notes/:id with If-Match). Figures: requests per second, p50 and
 * p99 latency, each route's p99 beside the floor's, and the server's resident memory after the load.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { postgresBinaries, startPostgresCluster } from "../tests/support/postgres-cluster.ts";
import type { BenchFigure, BenchModule, BenchSection } from "./bench-section.ts";

/** The part of autocannon's API this file uses (the package ships no types). */
interface AutocannonRequest {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  readonly onResponse?: (
    status: number,
    body: string,
    context: Record<string, unknown>,
    headers: Record<string, string>,
  ) => void;
}
interface Histogram {
  readonly average: number;
  readonly p50: number;
  readonly p99: number;
}
interface AutocannonResult {
  readonly latency: Histogram;
  readonly requests: Histogram & { readonly total: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodeStats: Readonly<Record<string, { readonly count: number }>>;
}
type Autocannon = (options: {
  readonly url: string;
  readonly connections: number;
  readonly duration: number;
  readonly headers?: Record<string, string>;
  readonly requests?: readonly AutocannonRequest[];
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
const SERVER = new URL("./api-server.ts", import.meta.url).pathname;

interface Load {
  readonly connections: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
}

interface RouteFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Answers other than the route's success, by status, and connection errors. */
  readonly failures: string;
}

interface BackendFigures {
  readonly healthz: RouteFigures;
  readonly dashboard: RouteFigures;
  readonly noteSave: RouteFigures;
  readonly notes: number;
  readonly managers: number;
  readonly rssMbAfterWarmUp: number;
  readonly rssMbAfterLoad: number;
}

interface Server {
  readonly baseUrl: string;
  readonly now: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

async function startBenchServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ port: number; now: number }>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bench server exited with ${code}: ${stderr}`)));
    lines.on("line", (line) => {
      if (line.startsWith('{"port"')) resolve(JSON.parse(line) as { port: number; now: number });
    });
  });
  child.removeAllListeners("exit");
  return {
    baseUrl: `http://127.0.0.1:${ready.port}`,
    now: ready.now,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  return Math.round(kb / 1024);
}

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

interface DemoPerson {
  readonly objectId: string;
  readonly email: string;
  readonly role: string;
}

async function tokenFor(baseUrl: string, objectId: string): Promise<string> {
  const signedIn = await json<{ accessToken: string }>(
    await fetch(`${baseUrl}/api/demo/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ objectId }),
    }),
    "demo sign-in",
  );
  return signedIn.accessToken;
}

interface SavableNote {
  readonly id: string;
  readonly token: string;
  version: number;
}

/**
 * Opens up to `count` notes across the demo managers, one per meeting and rep in each manager's
 * calendar over the window, as the tab does when a manager opens a meeting's note.
 */
async function openNotes(
  baseUrl: string,
  managers: readonly { token: string }[],
  window: string,
  count: number,
): Promise<SavableNote[]> {
  const notes: SavableNote[] = [];
  const perManager = Math.ceil(count / managers.length);
  for (const manager of managers) {
    const auth = { authorization: `Bearer ${manager.token}` };
    const { events } = await json<{ events: { iCalUId: string | null; reps: string[] }[] }>(
      await fetch(`${baseUrl}/api/events?${window}`, { headers: auth }),
      "GET /api/events",
    );
    const pairs = events.flatMap((event) =>
      event.iCalUId === null ? [] : event.reps.map((rep) => ({ meeting: event.iCalUId!, rep })),
    );
    for (const pair of pairs.slice(0, perManager)) {
      const note = await json<{ id: string; version: number }>(
        await fetch(`${baseUrl}/api/notes`, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify(pair),
        }),
        "POST /api/notes",
      );
      notes.push({ id: note.id, token: manager.token, version: note.version });
    }
  }
  if (notes.length < count) throw new Error(`only ${notes.length} notes could be opened, ${count} needed`);
  return notes.slice(0, count);
}

/** A note as a manager writes it after a field day: a focus behaviour, a few sentences, an action. */
function draftBody(behaviourId: string, n: number): string {
  return JSON.stringify({
    focus: [
      {
        behaviourId,
        rating: 1 + (n % 4),
        evidence: `Asked three open questions before the demo; let the buyer describe the rollout (save ${n}).`,
      },
    ],
    wentWell: "Prepared the account plan, opened with the customer's goals and kept to time.",
    gaps: "Talked through the pricing slide instead of asking what budget the buyer had in mind.",
    privateNotes: "Ready for the larger accounts next quarter.",
    actions: [
      {
        id: "5f0c8a52-3a4e-4d6b-9c1f-2b7e8d9a0c1e",
        text: "Send the rollout plan",
        owner: "rep",
        due: "2026-03-10",
      },
    ],
  });
}

function figuresOf(result: AutocannonResult, success: number): RouteFigures {
  const failures = Object.entries(result.statusCodeStats)
    .filter(([status]) => Number(status) !== success)
    .map(([status, { count }]) => `${count}× ${status}`);
  if (result.errors > 0) failures.push(`${result.errors} connection errors (${result.timeouts} timeouts)`);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: failures.length === 0 ? "none" : failures.join(", "),
  };
}

async function measureBackend(server: Server, load: Load): Promise<BackendFigures> {
  const { baseUrl } = server;
  const people = (await json<{ people: DemoPerson[] }>(await fetch(`${baseUrl}/api/demo/people`), "people"))
    .people;
  const managers = await Promise.all(
    people
      .filter((person) => person.role === "manager")
      .map(async (person) => ({ ...person, token: await tokenFor(baseUrl, person.objectId) })),
  );
  const to = new Date(server.now).toISOString();
  const from = new Date(server.now - 13 * 7 * 86_400_000).toISOString();
  const window = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const dashboardPath = `/api/team/dashboard?${window}`;
  // The first dashboard of each manager reads the directory and syncs the calendar from the simulator.
  for (const manager of managers) {
    await json(
      await fetch(`${baseUrl}${dashboardPath}`, { headers: { authorization: `Bearer ${manager.token}` } }),
      "GET /api/team/dashboard",
    );
  }
  const behaviours = await json<{ behaviours: { id: string }[] }>(
    await fetch(`${baseUrl}/api/settings/behaviours`, {
      headers: { authorization: `Bearer ${managers[0]!.token}` },
    }),
    "GET /api/settings/behaviours",
  );
  const behaviourId = behaviours.behaviours[0]!.id;
  // Three notes per connection: each request saves a note no other request is saving.
  const notes = await openNotes(baseUrl, managers, window, load.connections * 3);

  const run = (requests: readonly AutocannonRequest[], seconds: number, headers?: Record<string, string>) =>
    autocannon({
      url: baseUrl,
      connections: load.connections,
      duration: seconds,
      requests,
      ...(headers === undefined ? {} : { headers }),
    });

  let turn = 0;
  const dashboardRequests: AutocannonRequest[] = [
    {
      method: "GET",
      path: dashboardPath,
      setupRequest: (request) => ({
        ...request,
        headers: { authorization: `Bearer ${managers[turn++ % managers.length]!.token}` },
      }),
    },
  ];

  const free = [...notes];
  let saves = 0;
  const noteSaveRequests: AutocannonRequest[] = [
    {
      method: "PUT",
      setupRequest: (request, context) => {
        const note = free.shift();
        if (note === undefined) throw new Error("every note is being saved: more notes are needed");
        context.note = note;
        return {
          ...request,
          path: `/api/notes/${note.id}`,
          headers: {
            authorization: `Bearer ${note.token}`,
            "content-type": "application/json",
            "if-match": `"${note.version}"`,
          },
          body: draftBody(behaviourId, saves++),
        };
      },
      onResponse: (status, body, context) => {
        const note = context.note as SavableNote;
        if (status === 200) note.version = (JSON.parse(body) as { version: number }).version;
        free.push(note);
      },
    },
  ];

  if (load.warmUpSeconds > 0) {
    await run([{ method: "GET", path: "/healthz" }], load.warmUpSeconds);
    await run(dashboardRequests, load.warmUpSeconds);
    await run(noteSaveRequests, load.warmUpSeconds);
  }
  const pid = server.process.pid!;
  const rssMbAfterWarmUp = await rssMb(pid);
  const healthz = figuresOf(await run([{ method: "GET", path: "/healthz" }], load.seconds), 200);
  const dashboard = figuresOf(await run(dashboardRequests, load.seconds), 200);
  const noteSave = figuresOf(await run(noteSaveRequests, load.seconds), 200);
  return {
    healthz,
    dashboard,
    noteSave,
    notes: notes.length,
    managers: managers.length,
    rssMbAfterWarmUp,
    rssMbAfterLoad: await rssMb(pid),
  };
}

async function onPglite(load: Load): Promise<BackendFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), "fieldcoach-bench-pglite-"));
  const server = await startBenchServer({ FIELDCOACH_BENCH_STORE: "pglite", FIELDCOACH_DATA_DIR: dataDir });
  try {
    return await measureBackend(server, load);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(load: Load): Promise<BackendFigures> {
  const cluster = await startPostgresCluster({ durable: true });
  try {
    const server = await startBenchServer({ FIELDCOACH_BENCH_STORE: "postgres", DATABASE_URL: cluster.url });
    try {
      return await measureBackend(server, load);
    } finally {
      await server.stop();
    }
  } finally {
    await cluster.destroy();
  }
}

function backendFigures(label: string, figures: BackendFigures, dashboardTarget?: string): BenchFigure[] {
  const route = (name: string, f: RouteFigures, target?: string): BenchFigure[] => [
    { name: `${label}: ${name} throughput`, value: f.requestsPerSecond, unit: "requests/s" },
    { name: `${label}: ${name} p50`, value: f.p50Ms, unit: "ms" },
    {
      name: `${label}: ${name} p99`,
      value: f.p99Ms,
      unit: "ms",
      ...(target === undefined ? {} : { target }),
    },
  ];
  return [
    ...route("/healthz", figures.healthz),
    ...route("dashboard", figures.dashboard, dashboardTarget),
    {
      name: `${label}: dashboard p99 ÷ /healthz p99`,
      value: figures.dashboard.p99Ms / Math.max(1, figures.healthz.p99Ms),
      unit: "×",
    },
    ...route("note save", figures.noteSave, dashboardTarget),
    {
      name: `${label}: note save p99 ÷ /healthz p99`,
      value: figures.noteSave.p99Ms / Math.max(1, figures.healthz.p99Ms),
      unit: "×",
    },
    {
      name: `${label}: server memory after the load`,
      value: figures.rssMbAfterLoad,
      unit: `MB RSS (${figures.rssMbAfterWarmUp} MB after warm-up)`,
      target: "< 512 MB",
    },
  ];
}

const bench: BenchModule = {
  key: "api",
  async run({ quick }): Promise<BenchSection> {
    const load: Load = quick
      ? { connections: 20, seconds: 3, warmUpSeconds: 0 }
      : { connections: 100, seconds: 20, warmUpSeconds: 2 };
    const target = `< 200 ms at ${load.connections} connections`;
    const pglite = await onPglite(load);
    const postgres = postgresBinaries() === undefined ? undefined : await onPostgres(load);
    const failures = (label: string, f: BackendFigures) =>
      `${label}: answers other than 200: /healthz ${f.healthz.failures}; dashboard ${f.dashboard.failures}; note save ${f.noteSave.failures}.`;
    const report: Record<string, number | null> = {
      connections: load.connections,
      seconds: load.seconds,
      healthzRequestsPerSecond: pglite.healthz.requestsPerSecond,
      healthzP50Ms: pglite.healthz.p50Ms,
      healthzP99Ms: pglite.healthz.p99Ms,
      dashboardRequestsPerSecond: pglite.dashboard.requestsPerSecond,
      dashboardP50Ms: pglite.dashboard.p50Ms,
      dashboardP99Ms: pglite.dashboard.p99Ms,
      noteSaveRequestsPerSecond: pglite.noteSave.requestsPerSecond,
      noteSaveP50Ms: pglite.noteSave.p50Ms,
      noteSaveP99Ms: pglite.noteSave.p99Ms,
      rssMbAfterLoad: pglite.rssMbAfterLoad,
      postgresHealthzP99Ms: postgres?.healthz.p99Ms ?? null,
      postgresDashboardRequestsPerSecond: postgres?.dashboard.requestsPerSecond ?? null,
      postgresDashboardP50Ms: postgres?.dashboard.p50Ms ?? null,
      postgresDashboardP99Ms: postgres?.dashboard.p99Ms ?? null,
      postgresNoteSaveRequestsPerSecond: postgres?.noteSave.requestsPerSecond ?? null,
      postgresNoteSaveP50Ms: postgres?.noteSave.p50Ms ?? null,
      postgresNoteSaveP99Ms: postgres?.noteSave.p99Ms ?? null,
      postgresRssMbAfterLoad: postgres?.rssMbAfterLoad ?? null,
    };
    return {
      title: `API under load (autocannon, ${load.connections} connections, ${load.seconds} s per route)`,
      figures: [
        ...backendFigures("PGlite", pglite, target),
        ...(postgres === undefined ? [] : backendFigures("PostgreSQL", postgres)),
      ],
      report,
      notes: [
        "The server runs in its own process (bench/api-server.ts: demo mode's assembly with the clock pinned and the per-person rate limit raised, the limiter still running); autocannon runs in this one, on the same machine.",
        `Dashboard: GET /api/team/dashboard over 13 weeks, each request as the next of the demo's ${pglite.managers} managers (their calendars synced once before the load).`,
        `Note save: PUT /api/notes/:id with If-Match, the whole form (one rated behaviour with evidence, three texts, one action) as the autosave sends it. ${pglite.notes} notes are opened first (three per connection); each request takes a note no other request is saving, sends the version its last save answered and puts it back, so every save is a real new version (no 412s) and the audit row and actions are written each time.`,
        "/healthz needs no token and no database: the floor of what this server answers on this machine. Latencies are autocannon's, from request sent to response read.",
        failures("PGlite", pglite),
        postgres === undefined
          ? "PostgreSQL: absent (Debian's postgresql is not installed: apt-get install -y postgresql)."
          : `PostgreSQL: a throwaway cluster with fsync on, on this machine. ${failures("PostgreSQL", postgres)}`,
        `The p99 target is ours: under ${load.connections} connections on 2 shared cores, a dashboard (token check, directory, classified events, notes and actions of a quarter, figures) well under 200 ms leaves room for the network between Teams and the service.`,
      ],
    };
  },
};

export default bench;
