/*
 * OpenTelemetry to Azure Monitor, end to end: `npm start`'s entry point in demo mode with
 * APPLICATIONINSIGHTS_CONNECTION_STRING naming a local HTTPS stand-in for Application Insights'
 * ingestion endpoint (the exporter speaks only HTTPS; the child trusts the stand-in's certificate
 * through NODE_EXTRA_CA_CERTS). The stand-in records every envelope the real exporter posts; after a
 * dashboard request and SIGTERM it holds the request, the Graph calls behind it and FieldCoach's counters.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/postgres-cluster.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TLS = fileURLToPath(new URL("../fixtures/loopback-tls.pem", import.meta.url));
const INSTRUMENTATION_KEY = "6b2a0c55-1d8e-4e7a-9f3b-2c1d0e9f8a7b";

/** The fields of an Application Insights envelope the assertions read. */
interface Envelope {
  readonly iKey?: string;
  readonly name: string;
  readonly data?: {
    readonly baseType?: string;
    readonly baseData?: {
      readonly name?: string;
      readonly responseCode?: string;
      readonly resultCode?: string;
      readonly url?: string;
      readonly success?: boolean;
      readonly target?: string;
      readonly metrics?: readonly { readonly name: string; readonly value: number }[];
      readonly properties?: Readonly<Record<string, string>>;
    };
  };
  readonly tags?: Readonly<Record<string, string>>;
}

const envelopes: Envelope[] = [];
const paths: string[] = [];
let ingestion: Server;
let dataDir: string;
let child: ChildProcess;
let exitCode: number | null;
let baseUrl: string;

function startIngestion(): Promise<Server> {
  const pem = readFileSync(TLS, "utf8");
  const server = createServer({ key: pem, cert: pem }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      paths.push(`${request.method} ${request.url}`);
      const raw = Buffer.concat(chunks);
      const text = (request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
      const parsed = JSON.parse(text) as Envelope | Envelope[];
      const batch = Array.isArray(parsed) ? parsed : [parsed];
      envelopes.push(...batch);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ itemsReceived: batch.length, itemsAccepted: batch.length, errors: [] }));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function waitForOutput(process: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      if (seen.includes(text)) {
        process.stdout?.off("data", onData);
        resolve();
      }
    };
    process.stdout?.on("data", onData);
    process.once("exit", (code) => reject(new Error(`the server exited (${code}) before saying "${text}"`)));
  });
}

beforeAll(async () => {
  ingestion = await startIngestion();
  dataDir = await mkdtemp(join(tmpdir(), "fieldcoach-telemetry-"));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const endpoint = `https://127.0.0.1:${(ingestion.address() as AddressInfo).port}/`;
  child = spawn(process.execPath, [join(ROOT, "src/server/main.ts")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      FIELDCOACH_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${INSTRUMENTATION_KEY};IngestionEndpoint=${endpoint}`,
      // The exporter's own usage reports would go to Microsoft, which a test must not reach.
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED_ALL: "true",
      NODE_EXTRA_CA_CERTS: TLS,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.resume();
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code;
      resolve();
    }),
  );
  await waitForOutput(child, "FieldCoach demo is running");

  const people = (await (await fetch(`${baseUrl}/api/demo/people`)).json()) as {
    readonly people: readonly { readonly objectId: string; readonly role: string }[];
  };
  const manager = people.people.find((person) => person.role === "manager");
  if (manager === undefined) throw new Error("the demo has no manager");
  const signIn = await fetch(`${baseUrl}/api/demo/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ objectId: manager.objectId }),
  });
  const { accessToken } = (await signIn.json()) as { readonly accessToken: string };
  const to = new Date().toISOString();
  const from = new Date(Date.now() - 28 * 86_400_000).toISOString();
  const dashboard = await fetch(
    `${baseUrl}/api/team/dashboard?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    { headers: { authorization: `Bearer ${accessToken}` } },
  );
  if (dashboard.status !== 200) throw new Error(`the dashboard answered ${dashboard.status}`);
  // Shutdown flushes what the exporter still buffers.
  child.kill("SIGTERM");
  await exited;
}, 120_000);

afterAll(async () => {
  if (exitCode === undefined) child?.kill("SIGKILL");
  await new Promise<void>((resolve) => ingestion?.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
});

const ofType = (type: string) => envelopes.filter((envelope) => envelope.data?.baseType === type);

describe("telemetry to Azure Monitor", () => {
  it("posts to the ingestion endpoint of the connection string, with its instrumentation key", () => {
    expect(exitCode).toBe(0);
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths)).toEqual(new Set(["POST /v2.1/track"]));
    expect(new Set(envelopes.map((envelope) => envelope.iKey))).toEqual(new Set([INSTRUMENTATION_KEY]));
  });

  it("sends a request per API call, named by its route and not by its identifiers", () => {
    const requests = ofType("RequestData").map((envelope) => envelope.data?.baseData);
    expect(requests).toContainEqual(
      expect.objectContaining({
        name: "GET /api/team/dashboard",
        responseCode: "200",
        success: true,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/team\/dashboard$/),
      }),
    );
    expect(requests).toContainEqual(expect.objectContaining({ name: "POST /api/demo/sign-in" }));
    expect(requests.every((request) => !/@|[0-9a-f]{8}-[0-9a-f]{4}/.test(request?.name ?? ""))).toBe(true);
  });

  it("sends the Graph calls behind them as dependencies of the same operation, identifiers replaced", () => {
    const graph = ofType("RemoteDependencyData").filter((envelope) =>
      (envelope.data?.baseData?.name ?? "").startsWith("Graph "),
    );
    const names = graph.map((envelope) => envelope.data?.baseData?.name ?? "");
    expect(names).toContain("Graph GET /users/{id}/manager");
    expect(names.every((name) => !name.includes("@"))).toBe(true);
    const dashboard = ofType("RequestData").find(
      (envelope) => envelope.data?.baseData?.name === "GET /api/team/dashboard",
    );
    const operation = dashboard?.tags?.["ai.operation.id"];
    expect(operation).toMatch(/^[0-9a-f]{32}$/);
    // The dashboard of a manager seen for the first time reads the directory and syncs the calendar.
    expect(
      graph.filter((envelope) => envelope.tags?.["ai.operation.id"] === operation).length,
    ).toBeGreaterThan(1);
  });

  it("sends FieldCoach's counters of Graph calls", () => {
    const metrics = ofType("MetricData").flatMap((envelope) => envelope.data?.baseData?.metrics ?? []);
    const graphCalls = metrics.filter((metric) => metric.name === "fieldcoach.graph.calls");
    expect(graphCalls.length).toBeGreaterThan(0);
    expect(graphCalls.reduce((sum, metric) => sum + metric.value, 0)).toBeGreaterThan(0);
  });
});
