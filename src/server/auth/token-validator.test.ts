import { createPrivateKey, sign as cryptoSign } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  exportJWK,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bearerToken } from "./bearer-token.ts";
import { TokenError, type TokenErrorCode } from "./token-error.ts";
import {
  createTokenValidator,
  entraIssuer,
  entraJwksUrl,
  type TokenValidatorOptions,
} from "./token-validator.ts";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OTHER_TENANT = "0b6a3c1e-5f3d-4c2a-9e1b-7d8f6a5b4c3d";
const CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
const APP_ID_URI = `api://fieldcoach.contoso.com/${CLIENT_ID}`;
const NOW = Date.parse("2026-03-02T09:00:00Z");
const SECONDS = NOW / 1000;

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
interface SigningKey {
  readonly kid: string;
  readonly pair: KeyPair;
  readonly jwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const pair = await generateKeyPair("RS256", { extractable: true });
  return { kid, pair, jwk: { ...(await exportJWK(pair.publicKey)), kid, use: "sig", alg: "RS256" } };
}

/** A loopback stand-in for Entra's per-tenant `jwks_uri`, whose keys a test can rotate. */
let server: Server;
let baseUrl: string;
const published = new Map<string, JWK[]>();
const fetches: string[] = [];
let failing = false;

let current: SigningKey;
let next: SigningKey;
let attacker: SigningKey;

beforeAll(async () => {
  [current, next, attacker] = await Promise.all([
    signingKey("key-1"),
    signingKey("key-2"),
    signingKey("key-1"),
  ]);
  server = createServer((request, response) => {
    const tenant = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(request.url ?? "")?.[1];
    fetches.push(tenant ?? request.url ?? "");
    if (failing || tenant === undefined || !published.has(tenant)) {
      response.writeHead(failing ? 500 : 404).end();
      return;
    }
    response
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ keys: published.get(tenant) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  published.clear();
  published.set(TENANT, [current.jwk]);
  published.set(OTHER_TENANT, [current.jwk]);
  fetches.length = 0;
  failing = false;
});

function validator(overrides: Partial<TokenValidatorOptions> = {}) {
  return createTokenValidator({
    audiences: [CLIENT_ID, APP_ID_URI],
    allowedTenants: [TENANT.toUpperCase()],
    tokenVersion: 2,
    requiredScope: "access_as_user",
    jwksUrlFor: (tenantId) => `${baseUrl}/${tenantId}/discovery/v2.0/keys`,
    clock: () => NOW,
    ...overrides,
  });
}

function v2Claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    aud: CLIENT_ID,
    iss: entraIssuer(TENANT, 2),
    iat: SECONDS - 60,
    nbf: SECONDS - 60,
    exp: SECONDS + 3600,
    tid: TENANT,
    oid: "00000000-0000-4000-8000-00000000a11c",
    name: "Alice Manager",
    preferred_username: "alice@contoso.com",
    scp: "access_as_user",
    ver: "2.0",
    ...overrides,
  };
}

function sign(claims: JWTPayload, key: SigningKey = current): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid })
    .sign(key.pair.privateKey);
}

function base64url(value: unknown): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
}

async function rejection(promise: Promise<unknown>): Promise<TokenErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenError) return error.code;
    throw error;
  }
  throw new Error("the token was accepted");
}

describe("createTokenValidator", () => {
  it("accepts a v2 token and returns who is calling", async () => {
    const principal = await validator().validate(await sign(v2Claims({ roles: ["FieldCoach.Admin"] })));
    expect(principal).toEqual({
      tenantId: TENANT,
      objectId: "00000000-0000-4000-8000-00000000a11c",
      name: "Alice Manager",
      upn: "alice@contoso.com",
      scopes: ["access_as_user"],
      roles: ["FieldCoach.Admin"],
    });
    expect(fetches).toEqual([TENANT]);
  });

  it("accepts a v1 token when v1 is configured, with its own issuer and the Application ID URI", async () => {
    const token = await sign({
      ...v2Claims({
        aud: APP_ID_URI,
        iss: entraIssuer(TENANT, 1),
        ver: "1.0",
        scp: "User.Read access_as_user",
      }),
      preferred_username: undefined,
      upn: "alice@contoso.com",
    });
    const principal = await validator({ tokenVersion: 1 }).validate(token);
    expect(principal).toMatchObject({ upn: "alice@contoso.com", scopes: ["User.Read", "access_as_user"] });
    expect(await rejection(validator().validate(token))).toBe("token_issuer_invalid");
  });

  it("leaves out what the token does not say instead of inventing it", async () => {
    const principal = await validator().validate(
      await sign({ ...v2Claims(), name: undefined, preferred_username: undefined }),
    );
    expect(principal).toMatchObject({ name: null, upn: null, roles: [] });
  });

  it.each<[string, () => Promise<string>, TokenErrorCode]>([
    [
      "a token signed by another key under the same kid",
      () => sign(v2Claims(), attacker),
      "token_signature_invalid",
    ],
    [
      "a token signed by a key the tenant never published",
      () => sign(v2Claims(), { ...attacker, kid: "attacker" }),
      "token_signature_invalid",
    ],
    [
      "a payload changed after signing",
      async () => {
        const [header, , signature] = (await sign(v2Claims())).split(".");
        return `${header}.${base64url(v2Claims({ oid: "someone-else" }))}.${signature}`;
      },
      "token_signature_invalid",
    ],
    [
      "alg none",
      async () => `${base64url({ alg: "none", typ: "JWT" })}.${base64url(v2Claims())}.`,
      "token_algorithm_not_allowed",
    ],
    [
      "HS256 keyed with the tenant's public key",
      async () => {
        const publicPem = await exportSPKI(current.pair.publicKey);
        return new SignJWT(v2Claims())
          .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: current.kid })
          .sign(new TextEncoder().encode(publicPem));
      },
      "token_algorithm_not_allowed",
    ],
    [
      "RS384 with the tenant's own key",
      async () => {
        const signingInput = `${base64url({ alg: "RS384", typ: "JWT", kid: current.kid })}.${base64url(v2Claims())}`;
        const key = createPrivateKey(await exportPKCS8(current.pair.privateKey));
        return `${signingInput}.${cryptoSign("sha384", Buffer.from(signingInput), key).toString("base64url")}`;
      },
      "token_algorithm_not_allowed",
    ],
    [
      "a Microsoft Graph token",
      () => sign(v2Claims({ aud: "https://graph.microsoft.com" })),
      "token_audience_invalid",
    ],
    [
      "another app's token",
      () => sign(v2Claims({ aud: "11111111-2222-4333-8444-555555555555" })),
      "token_audience_invalid",
    ],
    [
      "the issuer of another tenant",
      () => sign(v2Claims({ iss: entraIssuer(OTHER_TENANT, 2) })),
      "token_issuer_invalid",
    ],
    [
      "the tenant-independent issuer",
      () => sign(v2Claims({ iss: "https://login.microsoftonline.com/common/v2.0" })),
      "token_issuer_invalid",
    ],
    [
      "an issuer that only starts like Entra's",
      () => sign(v2Claims({ iss: `${entraIssuer(TENANT, 2)}/evil` })),
      "token_issuer_invalid",
    ],
    [
      "a tenant not in the allow-list",
      () => sign(v2Claims({ tid: OTHER_TENANT, iss: entraIssuer(OTHER_TENANT, 2) })),
      "token_tenant_not_allowed",
    ],
    ["an expired token", () => sign(v2Claims({ exp: SECONDS - 31 })), "token_expired"],
    ["a token not valid yet", () => sign(v2Claims({ nbf: SECONDS + 31 })), "token_not_yet_valid"],
    [
      "a token without our scope",
      () => sign(v2Claims({ scp: "User.Read Calendars.Read" })),
      "token_scope_missing",
    ],
    [
      "an app-only token",
      () => sign({ ...v2Claims({ roles: ["Calendars.Read"], idtyp: "app" }), scp: undefined }),
      "token_scope_missing",
    ],
    [
      "a scope that only contains ours",
      () => sign(v2Claims({ scp: "access_as_user_admin" })),
      "token_scope_missing",
    ],
    ["a token without a user", () => sign({ ...v2Claims(), oid: undefined }), "token_claims_missing"],
    ["a token without a tenant", () => sign({ ...v2Claims(), tid: undefined }), "token_claims_missing"],
    ["a token without an expiry", () => sign({ ...v2Claims(), exp: undefined }), "token_claims_missing"],
    ["text that is not a JWT", async () => "not.a.jwt", "token_malformed"],
  ])("refuses %s", async (_case, build, code) => {
    expect(await rejection(validator().validate(await build()))).toBe(code);
  });

  it("allows a little clock skew and no more", async () => {
    await expect(
      validator().validate(await sign(v2Claims({ exp: SECONDS - 29, nbf: SECONDS + 29 }))),
    ).resolves.toMatchObject({
      tenantId: TENANT,
    });
    expect(
      await rejection(validator({ clock: () => NOW + 3600_000 + 31_000 }).validate(await sign(v2Claims()))),
    ).toBe("token_expired");
  });

  it("fetches no keys for a tenant it does not serve", async () => {
    const token = await sign(v2Claims({ tid: OTHER_TENANT, iss: entraIssuer(OTHER_TENANT, 2) }));
    expect(await rejection(validator().validate(token))).toBe("token_tenant_not_allowed");
    expect(
      await rejection(validator().validate(`${base64url({ alg: "none" })}.${base64url(v2Claims())}.`)),
    ).toBe("token_algorithm_not_allowed");
    expect(fetches).toEqual([]);
  });

  it("fetches the keys again when a new kid appears (key rotation)", async () => {
    const rotating = validator({ jwks: { cooldownMs: 0 } });
    await rotating.validate(await sign(v2Claims()));
    published.set(TENANT, [current.jwk, next.jwk]);
    await expect(rotating.validate(await sign(v2Claims(), next))).resolves.toMatchObject({
      tenantId: TENANT,
    });
    await rotating.validate(await sign(v2Claims()));
    expect(fetches).toEqual([TENANT, TENANT]);
    // The old key is withdrawn: once the keys have been fetched again, tokens it signed are refused.
    published.set(TENANT, [next.jwk]);
    expect(await rejection(rotating.validate(await sign(v2Claims(), { ...attacker, kid: "key-3" })))).toBe(
      "token_signature_invalid",
    );
    expect(await rejection(rotating.validate(await sign(v2Claims())))).toBe("token_signature_invalid");
    expect(fetches).toHaveLength(4);
  });

  it("does not fetch again for unknown kids during the cooldown", async () => {
    const cautious = validator({ jwks: { cooldownMs: 60 * 60_000 } });
    await cautious.validate(await sign(v2Claims()));
    published.set(TENANT, [current.jwk, next.jwk]);
    for (let i = 0; i < 3; i++) {
      expect(await rejection(cautious.validate(await sign(v2Claims(), next)))).toBe(
        "token_signature_invalid",
      );
    }
    expect(fetches).toEqual([TENANT]);
  });

  it("says the keys are unavailable when the key endpoint fails", async () => {
    failing = true;
    expect(await rejection(validator().validate(await sign(v2Claims())))).toBe("signing_keys_unavailable");
  });

  it("uses Entra's endpoints by default", () => {
    expect(entraJwksUrl(TENANT)).toBe(`https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`);
    expect(entraIssuer(TENANT, 2)).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0`);
    expect(entraIssuer(TENANT, 1)).toBe(`https://sts.windows.net/${TENANT}/`);
  });
});

describe("bearerToken", () => {
  it("reads a Bearer header in any case", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer abc.def.ghi ")).toBe("abc.def.ghi");
  });

  it.each<[string | undefined, TokenErrorCode]>([
    [undefined, "token_missing"],
    ["  ", "token_missing"],
    ["Basic dXNlcjpwYXNz", "token_malformed"],
    ["Bearer", "token_malformed"],
    ["Bearer a b", "token_malformed"],
  ])("refuses %j", (header, code) => {
    expect(() => bearerToken(header)).toThrow(expect.objectContaining({ code }));
  });
});
