import { ConfidentialClientApplication, InteractionRequiredAuthError } from "@azure/msal-node";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevIssuer, type DevIssuer } from "../src/dev-issuer/dev-issuer.ts";
import { type DevIssuerServer, startDevIssuerServer } from "../src/dev-issuer/token-endpoint.ts";

const TENANT = "9a3c1f0e-0000-4000-8000-000000000001";
const NOW = Date.parse("2026-03-02T08:00:00Z");
const USER = { oid: "00000000-0000-4000-8000-00000000a11c", name: "Alice Manager", upn: "alice@contoso.com" };
const CLIENT = {
  clientId: "5f1c0a9e-1111-4000-8000-00000000f1e1",
  clientSecret: "dev-secret",
  apiAudiences: ["api://fieldcoach.example/5f1c0a9e-1111-4000-8000-00000000f1e1"],
  delegatedScopes: ["Calendars.Read", "User.Read.All"],
  appRoles: ["Calendars.Read", "User.Read.All"],
};

let clock = NOW;
let issuer: DevIssuer;
let server: DevIssuerServer;

beforeAll(async () => {
  issuer = await createDevIssuer({ tenantId: TENANT, now: () => clock });
  server = await startDevIssuerServer({ issuer, clients: [CLIENT] });
});

afterAll(async () => {
  await server.close();
});

function userTokenForApi(expiresIn = 3600): Promise<string> {
  return issuer.issueToken({
    tenantId: TENANT,
    ...USER,
    appId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
    audience: CLIENT.apiAudiences[0]!,
    expiresIn,
    version: "2.0",
    scopes: ["access_as_user"],
  });
}

function msalClient(): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: CLIENT.clientId,
      clientSecret: CLIENT.clientSecret,
      authority: server.msal.authority,
      knownAuthorities: [...server.msal.knownAuthorities],
      authorityMetadata: server.msal.authorityMetadata,
      cloudDiscoveryMetadata: server.msal.cloudDiscoveryMetadata,
    },
  });
}

describe("dev issuer tokens", () => {
  it("writes Entra's v2 claims for a user's delegated token", async () => {
    const token = await userTokenForApi();
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      aud: CLIENT.apiAudiences[0],
      tid: TENANT,
      oid: USER.oid,
      scp: "access_as_user",
      name: USER.name,
      preferred_username: USER.upn,
      ver: "2.0",
      iat: NOW / 1000,
      exp: NOW / 1000 + 3600,
    });
    expect(claims.roles).toBeUndefined();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "RS256", kid: issuer.jwks.keys[0]!.kid });
  });

  it("writes v1 claims with space-separated scopes and an app-only token with roles", async () => {
    const delegated = decodeJwt(
      await issuer.issueToken({
        tenantId: TENANT,
        ...USER,
        appId: CLIENT.clientId,
        audience: "https://graph.microsoft.com",
        expiresIn: 600,
        version: "1.0",
        scopes: ["Calendars.Read", "User.Read.All"],
      }),
    );
    expect(delegated).toMatchObject({
      iss: `https://sts.windows.net/${TENANT}/`,
      scp: "Calendars.Read User.Read.All",
      upn: USER.upn,
      appid: CLIENT.clientId,
      ver: "1.0",
    });
    const appOnly = decodeJwt(
      await issuer.issueToken({
        tenantId: TENANT,
        oid: "00000000-0000-4000-8000-0000000005e1",
        appId: CLIENT.clientId,
        audience: "https://graph.microsoft.com",
        expiresIn: 600,
        version: "1.0",
        roles: ["Calendars.Read"],
      }),
    );
    expect(appOnly).toMatchObject({ roles: ["Calendars.Read"], idtyp: "app" });
    expect(appOnly.scp).toBeUndefined();
    expect(appOnly.name).toBeUndefined();
  });

  it("verifies its own tokens and rejects a wrong audience or an expired token", async () => {
    const token = await userTokenForApi();
    await expect(issuer.verify(token, { audience: CLIENT.apiAudiences })).resolves.toMatchObject({
      oid: USER.oid,
    });
    await expect(issuer.verify(token, { audience: "https://graph.microsoft.com" })).rejects.toThrow(/aud/);
    const shortLived = await userTokenForApi(60);
    clock = NOW + 120_000;
    try {
      await expect(issuer.verify(shortLived, { audience: CLIENT.apiAudiences })).rejects.toThrow(/exp/);
    } finally {
      clock = NOW;
    }
  });

  it("refuses to sign for another tenant", async () => {
    await expect(
      issuer.issueToken({
        tenantId: "00000000-0000-4000-8000-0000000000ff",
        ...USER,
        appId: CLIENT.clientId,
        audience: "https://graph.microsoft.com",
        expiresIn: 600,
        version: "1.0",
        scopes: ["User.Read"],
      }),
    ).rejects.toThrow(/tenant/);
  });
});

describe("dev issuer token endpoint through msal-node", () => {
  it("exchanges a user's token On-Behalf-Of for a Graph token keeping oid and tid, and MSAL caches it", async () => {
    const msal = msalClient();
    const assertion = await userTokenForApi();
    const before = server.tokenRequestCount();
    const first = await msal.acquireTokenOnBehalfOf({
      oboAssertion: assertion,
      scopes: ["https://graph.microsoft.com/Calendars.Read"],
    });
    const graphClaims = decodeJwt(first!.accessToken);
    expect(graphClaims).toMatchObject({
      aud: "https://graph.microsoft.com",
      iss: `https://sts.windows.net/${TENANT}/`,
      tid: TENANT,
      oid: USER.oid,
      scp: "Calendars.Read",
      upn: USER.upn,
    });
    const second = await msal.acquireTokenOnBehalfOf({
      oboAssertion: assertion,
      scopes: ["https://graph.microsoft.com/Calendars.Read"],
    });
    expect(second!.fromCache).toBe(true);
    expect(second!.accessToken).toBe(first!.accessToken);
    expect(server.tokenRequestCount() - before).toBe(1);
  });

  it("answers consent_required for a scope the tenant did not consent to", async () => {
    const error = await msalClient()
      .acquireTokenOnBehalfOf({
        oboAssertion: await userTokenForApi(),
        scopes: ["https://graph.microsoft.com/Calendars.ReadWrite"],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect((error as InteractionRequiredAuthError).subError).toBe("consent_required");
  });

  it("issues an app-only Graph token with the granted roles for client credentials", async () => {
    const result = await msalClient().acquireTokenByClientCredential({
      scopes: ["https://graph.microsoft.com/.default"],
    });
    const claims = decodeJwt(result!.accessToken);
    expect(claims).toMatchObject({
      aud: "https://graph.microsoft.com",
      roles: CLIENT.appRoles,
      idtyp: "app",
    });
    expect(claims.scp).toBeUndefined();
  });

  it("serves the tenant's JWKS and OpenID configuration", async () => {
    const keys = (await (await fetch(server.jwksUri)).json()) as { keys: unknown[] };
    expect(keys).toEqual(issuer.jwks);
    const config = (await (
      await fetch(`${server.url}/${TENANT}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      token_endpoint: server.tokenEndpoint,
      jwks_uri: server.jwksUri,
    });
  });
});
