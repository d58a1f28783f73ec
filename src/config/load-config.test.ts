import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, TENANT_SETTINGS } from "./load-config.ts";

const CERTIFICATE_PEM = readFileSync(
  new URL("../../tests/fixtures/client-certificate.pem", import.meta.url),
  "utf8",
);
const OTHER_KEY_PEM = readFileSync(
  new URL("../../tests/fixtures/other-private-key.pem", import.meta.url),
  "utf8",
);
// Computed independently with `openssl x509 -noout -fingerprint -sha256`.
const CERTIFICATE_SHA256 = "44832b5a38faa17d08dd37a04e002ffecade151ece00e81a215402f7686d0beb";

const CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
const TENANT_A = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const TENANT_B = "0b6a3c1e-5f3d-4c2a-9e1b-7d8f6a5b4c3d";
const TEAMS_APP_ID = "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b";

const tenantEnv = {
  FIELDCOACH_CLIENT_ID: CLIENT_ID,
  FIELDCOACH_APP_ID: TEAMS_APP_ID.toUpperCase(),
  FIELDCOACH_CLIENT_SECRET: "s3cret~value",
  FIELDCOACH_ALLOWED_TENANTS: `${TENANT_A}, ${TENANT_B.toUpperCase()}`,
  DATABASE_URL: "postgres://fieldcoach@db.internal:5432/fieldcoach",
  FIELDCOACH_PUBLIC_BASE_URL: "https://fieldcoach.contoso.com/",
};

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig: demo mode", () => {
  it("is the default when no tenant setting is present", () => {
    expect(loadConfig({}, [])).toEqual({
      mode: "demo",
      port: 3000,
      host: "127.0.0.1",
      logLevel: "info",
      dataDir: ".data/demo",
      fresh: false,
    });
  });

  it("reads PORT, the data folder, the log level and --fresh", () => {
    const config = loadConfig(
      { PORT: "8080", FIELDCOACH_DATA_DIR: "/var/fc", LOG_LEVEL: "debug", HOME: "/root" },
      ["--fresh"],
    );
    expect(config).toMatchObject({
      mode: "demo",
      port: 8080,
      dataDir: "/var/fc",
      logLevel: "debug",
      fresh: true,
    });
  });

  it("reads an Application Insights connection string and refuses anything else", () => {
    const connectionString =
      "InstrumentationKey=6b2a0c55-1d8e-4e7a-9f3b-2c1d0e9f8a7b;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString }, [])).toMatchObject({
      telemetryConnectionString: connectionString,
    });
    expect(
      errorOf(() =>
        loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: "https://dc.services.visualstudio.com" }, []),
      ).message,
    ).toBe(
      "Configuration error: APPLICATIONINSIGHTS_CONNECTION_STRING must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…).",
    );
    expect(loadConfig({}, []).telemetryConnectionString).toBeUndefined();
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: " ", FIELDCOACH_CLIENT_ID: "" }, [])).toMatchObject({
      mode: "demo",
      port: 3000,
    });
  });

  it.each(TENANT_SETTINGS)("refuses FIELDCOACH_MODE=demo with %s set", (name) => {
    const error = errorOf(() => loadConfig({ FIELDCOACH_MODE: "demo", [name]: "1" }, []));
    expect(error.setting).toBe(name);
    expect(error.message).toBe(
      `Configuration error: ${name} must not be set in demo mode, which never runs against a real tenant.`,
    );
  });

  it("refuses a non-loopback HOST, because the demo lets anyone sign in as anyone", () => {
    const error = errorOf(() => loadConfig({ HOST: "0.0.0.0" }, []));
    expect(error.setting).toBe("HOST");
    expect(error.message).toMatch(/^Configuration error: HOST must be a loopback address in demo mode/);
    expect(loadConfig({ HOST: "::1" }, [])).toMatchObject({ host: "::1" });
  });

  it.each([["abc"], ["70000"], ["-1"], ["80.5"]])("refuses PORT=%s with one sentence", (value) => {
    const error = errorOf(() => loadConfig({ PORT: value }, []));
    expect(error.message).toBe("Configuration error: PORT must be a port number from 0 to 65535.");
  });

  it("refuses an unknown LOG_LEVEL and an unknown FIELDCOACH_MODE", () => {
    expect(errorOf(() => loadConfig({ LOG_LEVEL: "loud" }, [])).message).toBe(
      "Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.",
    );
    expect(errorOf(() => loadConfig({ FIELDCOACH_MODE: "prod" }, [])).message).toBe(
      'Configuration error: FIELDCOACH_MODE must be "demo" or "tenant".',
    );
  });

  it("refuses unknown command-line arguments", () => {
    const error = errorOf(() => loadConfig({}, ["--fresh", "--port=1"]));
    expect(error.message).toBe('Unknown argument "--port=1": the server accepts only --fresh.');
  });
});

describe("loadConfig: tenant mode", () => {
  it("is chosen by any tenant setting and reads every one", () => {
    expect(loadConfig(tenantEnv, [])).toEqual({
      mode: "tenant",
      port: 3000,
      host: "0.0.0.0",
      logLevel: "info",
      clientId: CLIENT_ID,
      teamsAppId: TEAMS_APP_ID,
      credential: { kind: "secret", secret: "s3cret~value" },
      allowedTenants: [TENANT_A, TENANT_B],
      databaseUrl: "postgres://fieldcoach@db.internal:5432/fieldcoach",
      publicBaseUrl: "https://fieldcoach.contoso.com",
      apiScope: "access_as_user",
      appIdUri: `api://fieldcoach.contoso.com/${CLIENT_ID}`,
      audiences: [CLIENT_ID, `api://fieldcoach.contoso.com/${CLIENT_ID}`],
      tokenVersion: 2,
    });
  });

  it("takes an explicit Application ID URI, scope and token version", () => {
    const config = loadConfig(
      {
        ...tenantEnv,
        FIELDCOACH_APP_ID_URI: "api://coach.contoso.com",
        FIELDCOACH_API_SCOPE: "Coaching.ReadWrite",
        FIELDCOACH_TOKEN_VERSION: "1",
      },
      [],
    );
    expect(config).toMatchObject({
      appIdUri: "api://coach.contoso.com",
      audiences: [CLIENT_ID, "api://coach.contoso.com"],
      apiScope: "Coaching.ReadWrite",
      tokenVersion: 1,
    });
  });

  it("names the first missing setting and what selected tenant mode", () => {
    const error = errorOf(() => loadConfig({ DATABASE_URL: tenantEnv.DATABASE_URL }, []));
    expect(error.setting).toBe("FIELDCOACH_CLIENT_ID");
    expect(error.message).toBe(
      "Configuration error: FIELDCOACH_CLIENT_ID is required in tenant mode (DATABASE_URL is set) and must be the app registration's client id.",
    );
    const explicit = errorOf(() => loadConfig({ FIELDCOACH_MODE: "tenant" }, []));
    expect(explicit.message).toMatch(
      /^Configuration error: FIELDCOACH_CLIENT_ID is required in tenant mode \(FIELDCOACH_MODE is tenant\)/,
    );
  });

  it.each([
    ["FIELDCOACH_CLIENT_ID", "not-a-guid", "must be the app registration's client id, a GUID"],
    ["FIELDCOACH_APP_ID", "fieldcoach", "must be the app package's Teams app id, a GUID"],
    [
      "FIELDCOACH_ALLOWED_TENANTS",
      `${TENANT_A},contoso.com`,
      "must be a comma-separated list of tenant ids (GUIDs)",
    ],
    ["DATABASE_URL", "mysql://db/fc", "must be a postgres:// or postgresql:// URL"],
    [
      "FIELDCOACH_PUBLIC_BASE_URL",
      "http://fieldcoach.contoso.com",
      "must be an https:// URL, because Teams and Outlook load pages only over HTTPS",
    ],
    ["FIELDCOACH_TOKEN_VERSION", "3", "must be 1 or 2"],
    ["FIELDCOACH_API_SCOPE", "api://x/access_as_user", "must be a scope name such as access_as_user"],
  ])("refuses a bad %s", (name, value, message) => {
    const error = errorOf(() => loadConfig({ ...tenantEnv, [name]: value }, []));
    expect(error.setting).toBe(name);
    expect(error.message).toBe(`Configuration error: ${name} ${message}.`);
  });

  it("needs the Teams app id, which reminders and their links name", () => {
    const { FIELDCOACH_APP_ID: _appId, ...noAppId } = tenantEnv;
    const error = errorOf(() => loadConfig(noAppId, []));
    expect(error.setting).toBe("FIELDCOACH_APP_ID");
    expect(error.message).toBe(
      "Configuration error: FIELDCOACH_APP_ID is required in tenant mode (FIELDCOACH_CLIENT_ID is set) and must be the app package's Teams app id, which reminders and their links into the tab name.",
    );
  });

  it("refuses --fresh, which would erase a real tenant's data", () => {
    const error = errorOf(() => loadConfig(tenantEnv, ["--fresh"]));
    expect(error.message).toBe(
      "Configuration error: --fresh cannot be used in tenant mode, because it would erase a real tenant's data.",
    );
  });

  it("needs exactly one credential", () => {
    const { FIELDCOACH_CLIENT_SECRET: _secret, ...noSecret } = tenantEnv;
    expect(errorOf(() => loadConfig(noSecret, [])).message).toBe(
      "Configuration error: FIELDCOACH_CLIENT_SECRET or FIELDCOACH_CLIENT_CERTIFICATE is required in tenant mode to call Microsoft Graph.",
    );
    expect(
      errorOf(() => loadConfig({ ...tenantEnv, FIELDCOACH_CLIENT_CERTIFICATE: CERTIFICATE_PEM }, [])).message,
    ).toBe(
      "Configuration error: FIELDCOACH_CLIENT_CERTIFICATE must not be set together with FIELDCOACH_CLIENT_SECRET; choose one credential.",
    );
  });

  it("reads a certificate credential and its SHA-256 thumbprint", () => {
    const { FIELDCOACH_CLIENT_SECRET: _secret, ...noSecret } = tenantEnv;
    const config = loadConfig({ ...noSecret, FIELDCOACH_CLIENT_CERTIFICATE: CERTIFICATE_PEM }, []);
    if (config.mode !== "tenant" || config.credential.kind !== "certificate")
      throw new Error("expected a certificate");
    expect(config.credential.thumbprintSha256).toBe(CERTIFICATE_SHA256);
    expect(config.credential.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(config.credential.certificatePem).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----$/,
    );
  });

  it.each([
    ["no certificate block", OTHER_KEY_PEM, "holds no PEM certificate block"],
    [
      "a key of another certificate",
      `${OTHER_KEY_PEM}${CERTIFICATE_PEM.slice(CERTIFICATE_PEM.indexOf("-----BEGIN CERTIFICATE"))}`,
      "holds a private key that does not belong to its certificate",
    ],
    [
      "no private key",
      CERTIFICATE_PEM.slice(CERTIFICATE_PEM.indexOf("-----BEGIN CERTIFICATE")),
      "holds no unencrypted PEM private key",
    ],
  ])("refuses a certificate with %s", (_case, pem, problem) => {
    const { FIELDCOACH_CLIENT_SECRET: _secret, ...noSecret } = tenantEnv;
    const error = errorOf(() => loadConfig({ ...noSecret, FIELDCOACH_CLIENT_CERTIFICATE: pem }, []));
    expect(error.message).toBe(`Configuration error: FIELDCOACH_CLIENT_CERTIFICATE ${problem}.`);
  });
});
