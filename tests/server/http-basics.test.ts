import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevIssuer } from "../../src/dev-issuer/dev-issuer.ts";
import { LOCAL_APP_ID_URI, LOCAL_CLIENT_ID } from "../../src/server/demo/local-tenant.ts";
import { PAGE_CSP } from "../../src/server/security-headers.ts";
import { NOW, type OrgTenant, orgTenant } from "./org-tenant.ts";
import { openTestStore, type ServerWorld, startServerWorld } from "./server-world.ts";

let world: ServerWorld;
let org: OrgTenant;
let drop: () => Promise<void>;

beforeAll(async () => {
  org = orgTenant();
  const opened = await openTestStore("pglite");
  drop = opened.drop;
  world = await startServerWorld({ tenants: [org.tenant], now: NOW, store: opened.store });
});

afterAll(async () => {
  await world.close();
  await world.store.close();
  await drop();
});

describe("the HTTP surface", () => {
  it("answers an API call without a token with 401, a JSON code and a Bearer challenge", async () => {
    const response = await world.call(undefined, "GET", "/api/me");
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: "token_missing", message: expect.any(String) });
    expect(response.headers["www-authenticate"]).toMatch(/^Bearer /);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("refuses a token that is not a JWT, and one from a tenant that is not allowed", async () => {
    const garbage = await world.app.inject({
      url: "/api/me",
      headers: { authorization: "Bearer not-a-token" },
    });
    expect(garbage.statusCode).toBe(401);
    expect(garbage.json().code).toBe("token_malformed");
    const stranger = await createDevIssuer({
      tenantId: "0b6a3c1e-5f3d-4c2a-9e1b-7d8f6a5b4c3d",
      now: () => NOW,
    });
    const token = await stranger.issueToken({
      tenantId: stranger.tenantId,
      oid: org.mia.id,
      appId: LOCAL_CLIENT_ID,
      audience: LOCAL_APP_ID_URI,
      expiresIn: 3600,
      version: "2.0",
      scopes: ["access_as_user"],
    });
    const foreign = await world.app.inject({ url: "/api/me", headers: { authorization: `Bearer ${token}` } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe("token_tenant_not_allowed");
  });

  it("sends the page CSP with Teams, Outlook and Microsoft 365 frame ancestors and Office.js", async () => {
    const response = await world.app.inject({ url: "/tab" });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toBe(PAGE_CSP);
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)![1]!.split(" ");
    for (const host of [
      "'self'",
      "https://teams.microsoft.com",
      "https://*.teams.microsoft.com",
      "https://*.skype.com",
      "https://teams.cloud.microsoft",
      "https://*.office.com",
      "https://outlook.office.com",
      "https://outlook.office365.com",
      "https://*.outlook.com",
      "https://*.cloud.microsoft",
      "https://*.microsoft365.com",
    ]) {
      expect(ancestors).toContain(host);
    }
    expect(ancestors).not.toContain("*");
    expect(/script-src ([^;]+)/.exec(csp)![1]).toBe("'self' https://appsforoffice.microsoft.com");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBeUndefined();
  });

  it("says how to build the pages until they are built", async () => {
    for (const path of ["/tab", "/tab/config", "/outlook"]) {
      const response = await world.app.inject({ url: path });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("npm run build");
    }
  });

  it("keeps JSON out of every frame and every cache", async () => {
    const response = await world.call(undefined, "GET", "/api/me");
    expect(response.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("serves the privacy and terms pages and the icons Outlook loads", async () => {
    for (const path of ["/", "/privacy", "/terms"]) {
      expect((await world.app.inject({ url: path })).statusCode).toBe(200);
    }
    const icon = await world.app.inject({ url: "/icons/icon-32.png" });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers["content-type"]).toBe("image/png");
    expect(icon.headers["cross-origin-resource-policy"]).toBe("cross-origin");
  });

  it("reports health and readiness without a token", async () => {
    expect((await world.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await world.app.inject({ url: "/readyz" })).json()).toEqual({
      status: "ready",
      checks: { database: "ok" },
    });
  });

  it("refuses a body over the size limit with 413 and a JSON code", async () => {
    const response = await world.call(org.mia, "PUT", "/api/settings/behaviours", {
      body: { behaviours: [{ id: "x", name: "x", description: "y".repeat(300_000) }] },
      admin: true,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe("payload_too_large");
  });

  it("reads who is signed in from the token, syncing the directory from Graph the first time", async () => {
    const response = await world.call(org.mia, "GET", "/api/me");
    expect(response.statusCode).toBe(200);
    const me = response.json();
    expect(me).toMatchObject({
      tenantId: org.tenant.tenantId,
      person: { objectId: org.mia.id, email: org.mia.mail, timeZone: "America/New_York" },
      roles: ["manager"],
      manager: { email: org.vera.mail },
    });
    expect(me.reports.map((r: { email: string }) => r.email)).toEqual([org.ana.mail, org.ben.mail]);
    const vera = (await world.call(org.vera, "GET", "/api/me", { admin: true })).json();
    expect(vera.roles).toEqual(["executive", "admin"]);
    expect(vera.reports).toEqual([
      {
        email: org.max.mail,
        name: "Max",
        role: "manager",
        reports: [{ email: org.cat.mail, name: "Cat", role: "rep", reports: [] }],
      },
      {
        email: org.mia.mail,
        name: "Mia",
        role: "manager",
        reports: [
          { email: org.ana.mail, name: "Ana", role: "rep", reports: [] },
          { email: org.ben.mail, name: "Ben", role: "rep", reports: [] },
        ],
      },
    ]);
  });

  it("never writes a token to the logs", async () => {
    const token = await world.tokenFor(org.mia);
    await world.app.inject({ url: "/api/me", headers: { authorization: `Bearer ${token}` } });
    const all = world.logs.join("");
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split(".")[2]!);
    expect(world.logs.every((line) => JSON.parse(line) !== null)).toBe(true);
  });
});
