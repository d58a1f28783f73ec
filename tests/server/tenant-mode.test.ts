/*
 * Tenant mode as `npm start` builds it for a real tenant: PostgreSQL, Entra's keys, HSTS, and no demo
 * sign-in at all. No request here reaches Entra: a token from a tenant that is not allowed is refused
 * before any key is fetched.
 */

import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";
import { createDevIssuer } from "../../src/dev-issuer/dev-issuer.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";
import { createDatabase } from "../../src/store/database.ts";
import { createSchemaDatabase, type SchemaDatabase } from "./schema-database.ts";

const url = process.env.FIELDCOACH_TEST_DATABASE_URL;
const CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
let server: RunningServer;
let database: SchemaDatabase;
const quiet = () => new Writable({ write: (_c, _e, done) => done() });

beforeAll(async () => {
  database = await createSchemaDatabase("fc_tenant");
  const config = loadConfig(
    {
      FIELDCOACH_CLIENT_ID: CLIENT_ID,
      FIELDCOACH_APP_ID: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
      FIELDCOACH_CLIENT_SECRET: "a secret",
      FIELDCOACH_ALLOWED_TENANTS: TENANT,
      FIELDCOACH_PUBLIC_BASE_URL: "https://coach.contoso.com",
      DATABASE_URL: database.url,
    },
    [],
  );
  server = await startServer(config, { logDestination: quiet() });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe("tenant mode", () => {
  it("has no demo sign-in at all", async () => {
    expect((await server.app.inject({ url: "/api/demo/people" })).statusCode).toBe(404);
    expect(
      (await server.app.inject({ method: "POST", url: "/api/demo/sign-in", payload: {} })).statusCode,
    ).toBe(404);
    expect((await server.app.inject({ url: "/demo/sign-in" })).statusCode).toBe(404);
    expect((await server.app.inject({ url: "/" })).body).not.toContain("/demo/sign-in");
  });

  it("is ready on PostgreSQL and sends HSTS for its https address", async () => {
    const ready = await server.app.inject({ url: "/readyz" });
    expect(ready.json()).toEqual({ status: "ready", checks: { database: "ok" } });
    expect(ready.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    const admin = await createDatabase({
      kind: "postgres",
      url: url!,
      maxConnections: 1,
      onPoolError: () => {},
    });
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
      where table_schema = ${database.schema} and table_name = 'notes'`.execute(admin);
    await admin.destroy();
    expect(tables.rows[0]!.n).toBe(1);
  });

  it("refuses tokens without fetching keys for tenants it does not serve", async () => {
    expect((await server.app.inject({ url: "/api/me" })).json().code).toBe("token_missing");
    const stranger = await createDevIssuer({ tenantId: "0b6a3c1e-5f3d-4c2a-9e1b-7d8f6a5b4c3d" });
    const token = await stranger.issueToken({
      tenantId: stranger.tenantId,
      oid: "00000000-0000-4000-8000-000000000001",
      appId: CLIENT_ID,
      audience: CLIENT_ID,
      expiresIn: 3600,
      version: "2.0",
      scopes: ["access_as_user"],
    });
    const response = await server.app.inject({
      url: "/api/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("token_tenant_not_allowed");
  });

  it("starts with a certificate instead of a client secret", async () => {
    const pem = readFileSync(new URL("../fixtures/client-certificate.pem", import.meta.url), "utf8");
    const config = loadConfig(
      {
        FIELDCOACH_CLIENT_ID: CLIENT_ID,
        FIELDCOACH_CLIENT_CERTIFICATE: pem,
        FIELDCOACH_APP_ID: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
        FIELDCOACH_ALLOWED_TENANTS: TENANT,
        FIELDCOACH_PUBLIC_BASE_URL: "https://coach.contoso.com",
        DATABASE_URL: database.url,
      },
      [],
    );
    expect(config.mode === "tenant" && config.credential.kind).toBe("certificate");
    const withCertificate = await startServer(config, { logDestination: quiet() });
    try {
      expect((await withCertificate.app.inject({ url: "/readyz" })).statusCode).toBe(200);
    } finally {
      await withCertificate.close();
    }
  });
});
