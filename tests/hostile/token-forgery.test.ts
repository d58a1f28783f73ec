/*
 * Forged and misdirected access tokens against the running server, end to end through HTTP: each is
 * sent on a read of a coaching note, a manager's note autosave and an administrator's settings write.
 * Every one is refused with its code (401 with a Bearer challenge, or 403 where the token is well
 * formed but its tenant is not served or it lacks FieldCoach's scope) and a sentence, nothing of the
 * note is in the answer, the token is not in the logs, and every table is as it was. The validator's
 * own unit tests (src/server/auth/token-validator.test.ts) check each claim against a key of their own;
 * these check the server as assembled, with the local tenants' issuers and keys.
 */

import { Writable } from "node:stream";
import {
  base64url,
  decodeJwt,
  decodeProtectedHeader,
  exportSPKI,
  generateKeyPair,
  importJWK,
  type JWTPayload,
  SignJWT,
} from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";
import { createDevIssuer } from "../../src/dev-issuer/dev-issuer.ts";
import type { TokenRequest } from "../../src/dev-issuer/entra-claims.ts";
import { entraIssuer } from "../../src/server/auth/token-validator.ts";
import { ADMIN_ROLE } from "../../src/server/caller.ts";
import { LOCAL_API_SCOPE, LOCAL_APP_ID_URI, LOCAL_CLIENT_ID } from "../../src/server/demo/local-tenant.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";
import { createSchemaDatabase, type SchemaDatabase } from "../server/schema-database.ts";
import { hostileWorldOfFile, TWIN_TENANT_ID } from "./support/hostile-world.ts";

const STRANGER_TENANT = "0b6a3c1e-5f3d-4c2a-9e1b-7d8f6a5b4c3d";
const ANOTHER_APP = "11111111-2222-4333-8444-555555555555";

let seconds: number;
let tenantKid: string;
let attackerKey: CryptoKey;

const hostile = hostileWorldOfFile();

beforeAll(async () => {
  seconds = Math.floor(hostile().world.now() / 1000);
  tenantKid = hostile().world.tenants[0]!.issuer.jwks.keys[0]!.kid!;
  attackerKey = (await generateKeyPair("RS256")).privateKey;
}, 120_000);

/** What Entra would sign for Mia of the org tenant, with FieldCoach's admin role. */
function genuineRequest(): TokenRequest {
  const { org } = hostile();
  return {
    tenantId: org.tenant.tenantId,
    oid: org.mia.id,
    appId: LOCAL_CLIENT_ID,
    audience: LOCAL_APP_ID_URI,
    expiresIn: 3600,
    version: "2.0",
    scopes: [LOCAL_API_SCOPE],
    roles: [ADMIN_ROLE],
    name: org.mia.displayName,
    upn: org.mia.mail,
  };
}

/** A token of the org tenant's own issuer, with what the case changes. */
function issued(changes: Partial<TokenRequest> = {}): Promise<string> {
  return hostile().world.tenants[0]!.issuer.issueToken({ ...genuineRequest(), ...changes });
}

/** The claims of a genuine token, signed again with a key that is not the tenant's. */
async function resigned(header: { alg: string; kid?: string }, claims?: JWTPayload): Promise<string> {
  const payload = claims ?? decodeJwt(await issued());
  return new SignJWT(payload).setProtectedHeader({ ...header, typ: "JWT" }).sign(attackerKey);
}

const encoded = (value: unknown) => base64url.encode(JSON.stringify(value));

type Forgery = readonly [name: string, token: () => Promise<string>, code: string];

const FORGERIES: readonly Forgery[] = [
  [
    "alg none",
    async () => `${encoded({ alg: "none", typ: "JWT" })}.${encoded(decodeJwt(await issued()))}.`,
    "token_algorithm_not_allowed",
  ],
  [
    "HS256 keyed with the tenant's published public key",
    async () => {
      const jwk = hostile().world.tenants[0]!.issuer.jwks.keys[0]!;
      const publicPem = await exportSPKI((await importJWK(jwk, "RS256", { extractable: true })) as CryptoKey);
      return new SignJWT(decodeJwt(await issued()))
        .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: tenantKid })
        .sign(new TextEncoder().encode(publicPem));
    },
    "token_algorithm_not_allowed",
  ],
  [
    "the issuer of another tenant FieldCoach serves",
    () => issued({ forgedClaims: { iss: entraIssuer(TWIN_TENANT_ID, 2) } }),
    "token_issuer_invalid",
  ],
  [
    "a v1 issuer where the registration issues v2 tokens",
    () => issued({ version: "1.0" }),
    "token_issuer_invalid",
  ],
  [
    "a Microsoft Graph token",
    () => issued({ audience: "https://graph.microsoft.com" }),
    "token_audience_invalid",
  ],
  [
    "a token another app asked for itself",
    () => issued({ appId: ANOTHER_APP, audience: ANOTHER_APP }),
    "token_audience_invalid",
  ],
  [
    "the other tenant's id under this tenant's signature",
    () => issued({ forgedClaims: { tid: TWIN_TENANT_ID, iss: entraIssuer(TWIN_TENANT_ID, 2) } }),
    "token_signature_invalid",
  ],
  [
    "this tenant's id under the other tenant's signature",
    () =>
      hostile().world.tenants[1]!.issuer.issueToken({
        ...genuineRequest(),
        tenantId: TWIN_TENANT_ID,
        forgedClaims: {
          tid: hostile().org.tenant.tenantId,
          iss: entraIssuer(hostile().org.tenant.tenantId, 2),
        },
      }),
    "token_signature_invalid",
  ],
  [
    "a tenant FieldCoach does not serve",
    async () => {
      const stranger = await createDevIssuer({ tenantId: STRANGER_TENANT, now: () => hostile().world.now() });
      return stranger.issueToken({ ...genuineRequest(), tenantId: STRANGER_TENANT });
    },
    "token_tenant_not_allowed",
  ],
  [
    "an expired token",
    () => issued({ forgedClaims: { iat: seconds - 7200, nbf: seconds - 7200, exp: seconds - 3600 } }),
    "token_expired",
  ],
  [
    "a token not valid yet",
    () => issued({ forgedClaims: { iat: seconds + 3600, nbf: seconds + 3600, exp: seconds + 7200 } }),
    "token_not_yet_valid",
  ],
  [
    "an unknown kid",
    () => resigned({ alg: "RS256", kid: "a-kid-nobody-published" }),
    "token_signature_invalid",
  ],
  [
    "the tenant's kid over another key",
    () => resigned({ alg: "RS256", kid: tenantKid }),
    "token_signature_invalid",
  ],
  [
    "the signature stripped",
    async () => `${(await issued()).split(".").slice(0, 2).join(".")}.`,
    "token_signature_invalid",
  ],
  [
    "the signature and its dot stripped",
    async () => (await issued()).split(".").slice(0, 2).join("."),
    "token_malformed",
  ],
  [
    "Vera's claims under Mia's signature",
    async () => {
      const [header, , signature] = (await issued()).split(".");
      const vera = { ...decodeJwt(await issued()), oid: hostile().org.vera.id };
      return `${header}.${encoded(vera)}.${signature}`;
    },
    "token_signature_invalid",
  ],
  ["a token without FieldCoach's scope", () => issued({ scopes: ["User.Read"] }), "token_scope_missing"],
  [
    "an app-only token",
    () => {
      const { scopes: _delegated, ...appOnly } = genuineRequest();
      return hostile().world.tenants[0]!.issuer.issueToken({ ...appOnly, roles: ["Calendars.Read"] });
    },
    "token_scope_missing",
  ],
];

describe("forged and misdirected tokens against the running server", () => {
  it("accepts the genuine token the forgeries start from", async () => {
    const genuine = await issued();
    expect(decodeProtectedHeader(genuine).kid).toBe(tenantKid);
    const response = await hostile().world.app.inject({
      url: `/api/notes/${hostile().records.reportId}`,
      headers: { authorization: `Bearer ${genuine}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it.each(FORGERIES)("refuses %s", async (_name, forge, code) => {
    const token = await forge();
    const { records } = hostile();
    const before = await hostile().fingerprint();
    const requests = [
      { method: "GET" as const, url: `/api/notes/${records.reportId}` },
      {
        method: "PUT" as const,
        url: `/api/notes/${records.draftId}`,
        headers: { "if-match": '"1"' },
        payload: { focus: [], wentWell: "forged", gaps: "", privateNotes: "", actions: [] },
      },
      {
        method: "PUT" as const,
        url: "/api/settings/behaviours",
        payload: { behaviours: [{ id: "forged", name: "Forged", description: "" }] },
      },
    ];
    for (const request of requests) {
      const response = await hostile().world.app.inject({
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${token}` },
      });
      const status = code === "token_tenant_not_allowed" || code === "token_scope_missing" ? 403 : 401;
      expect({ url: request.url, status: response.statusCode, code: response.json().code }).toEqual({
        url: request.url,
        status,
        code,
      });
      expect(response.json().message).toMatch(/\w+ .+\./);
      if (status === 401) expect(response.headers["www-authenticate"]).toBe('Bearer error="invalid_token"');
      expect(response.body).not.toContain("Strong opening");
    }
    expect(await hostile().fingerprint()).toEqual(before);
    expect(hostile().world.logs.join("")).not.toContain(token.split(".")[1]);
  });
});

describe("a demo sign-in token presented to a server in tenant mode", () => {
  let server: RunningServer;
  let database: SchemaDatabase;

  beforeAll(async () => {
    database = await createSchemaDatabase("fc_hostile");
    const config = loadConfig(
      {
        FIELDCOACH_CLIENT_ID: LOCAL_CLIENT_ID,
        FIELDCOACH_APP_ID: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
        FIELDCOACH_CLIENT_SECRET: "a secret",
        FIELDCOACH_ALLOWED_TENANTS: "72f988bf-86f1-41af-91ab-2d7cd011db47",
        FIELDCOACH_PUBLIC_BASE_URL: "https://coach.contoso.com",
        DATABASE_URL: database.url,
      },
      [],
    );
    server = await startServer(config, {
      logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }),
      now: () => hostile().world.now(),
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it("is refused as a tenant the server does not serve, with the admin role it claims ignored", async () => {
    const signIn = await hostile().world.app.inject({
      method: "POST",
      url: "/api/demo/sign-in",
      payload: { objectId: hostile().org.ida.id, admin: true },
    });
    const { accessToken } = signIn.json() as { accessToken: string };
    expect(decodeJwt(accessToken).roles).toEqual([ADMIN_ROLE]);
    for (const [method, path] of [
      ["GET", "/api/me"],
      ["PUT", "/api/settings/behaviours"],
      ["GET", `/api/admin/people/${hostile().org.ana.mail}/export`],
    ] as const) {
      const response = await server.app.inject({
        method,
        url: path,
        headers: { authorization: `Bearer ${accessToken}` },
        ...(method === "PUT" ? { payload: { behaviours: [] } } : {}),
      });
      expect({ path, status: response.statusCode, code: response.json().code }).toEqual({
        path,
        status: 403,
        code: "token_tenant_not_allowed",
      });
      expect(response.json().message).toContain(hostile().org.tenant.tenantId);
    }
  });
});
