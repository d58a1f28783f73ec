import { z } from "zod";
import { type ClientCertificate, parseClientCertificate } from "./client-certificate.ts";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

interface CommonConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** Application Insights' connection string: traces and metrics go to Azure Monitor when it is set. */
  readonly telemetryConnectionString: string | undefined;
}

/** The seeded demo tenant: embedded database, Graph simulator and a local token issuer. */
export interface DemoConfig extends CommonConfig {
  readonly mode: "demo";
  /** Where PGlite keeps the demo database between runs; relative paths are from the working folder. */
  readonly dataDir: string;
  /** `--fresh`: throw the demo database away and seed it again. */
  readonly fresh: boolean;
}

export type ClientCredential =
  | { readonly kind: "secret"; readonly secret: string }
  | ({ readonly kind: "certificate" } & ClientCertificate);

/** A real Microsoft 365 tenant (or several), signed in through Entra ID. */
export interface TenantConfig extends CommonConfig {
  readonly mode: "tenant";
  /** FieldCoach's app registration (its client id is also the audience of v2 tokens). */
  readonly clientId: string;
  /**
   * The Microsoft 365 app id of the app package (`npm run package --app-id`), lower case: Teams deep
   * links into the tab and activity-feed notifications name the app by it.
   */
  readonly teamsAppId: string;
  readonly credential: ClientCredential;
  /** Lower-case tenant ids allowed to sign in; a token from any other tenant is refused. */
  readonly allowedTenants: readonly string[];
  readonly databaseUrl: string;
  /** HTTPS origin (and optional path) the tab and the panel are served from, without a trailing slash. */
  readonly publicBaseUrl: string;
  /** The delegated scope FieldCoach's own API exposes, as it appears in `scp`. */
  readonly apiScope: string;
  /** The Application ID URI (`api://host/clientId` for Teams SSO); the audience of v1 tokens. */
  readonly appIdUri: string;
  /** Audiences a token may carry: the client id and the Application ID URI. */
  readonly audiences: readonly string[];
  /** The access-token version pinned in the app registration (`requestedAccessTokenVersion`). */
  readonly tokenVersion: 1 | 2;
}

export type Config = DemoConfig | TenantConfig;

/** One sentence naming the setting at fault; the server prints it and exits. */
export class ConfigError extends Error {
  readonly setting: string;

  constructor(setting: string, message: string) {
    super(message);
    this.name = "ConfigError";
    this.setting = setting;
  }
}

/** Any of these means a real tenant is being configured, so the demo must not start. */
export const TENANT_SETTINGS = [
  "FIELDCOACH_CLIENT_ID",
  "FIELDCOACH_APP_ID",
  "FIELDCOACH_CLIENT_SECRET",
  "FIELDCOACH_CLIENT_CERTIFICATE",
  "FIELDCOACH_ALLOWED_TENANTS",
  "FIELDCOACH_PUBLIC_BASE_URL",
  "FIELDCOACH_APP_ID_URI",
  "FIELDCOACH_API_SCOPE",
  "FIELDCOACH_TOKEN_VERSION",
  "DATABASE_URL",
] as const;

const FLAGS = ["--fresh"] as const;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const port = z
  .string()
  .regex(/^\d{1,5}$/, "must be a port number from 0 to 65535")
  .transform(Number)
  .refine((value) => value <= 65_535, "must be a port number from 0 to 65535")
  .default(3000);
const logLevel = z
  .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
    error: "must be one of fatal, error, warn, info, debug, trace, silent",
  })
  .default("info");

const telemetryConnectionString = z
  .string()
  .regex(
    /(^|;)\s*InstrumentationKey=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*(;|$)/i,
    "must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)",
  )
  .optional();

const demoSchema = z
  .object({
    FIELDCOACH_MODE: z.literal("demo"),
    PORT: port,
    HOST: z
      .string()
      .refine(
        (host) => LOOPBACK_HOSTS.has(host),
        "must be a loopback address in demo mode, because anyone who reaches the demo can sign in as anyone",
      )
      .default("127.0.0.1"),
    LOG_LEVEL: logLevel,
    APPLICATIONINSIGHTS_CONNECTION_STRING: telemetryConnectionString,
    FIELDCOACH_DATA_DIR: z.string().default(".data/demo"),
    "--fresh": z.boolean(),
    ...Object.fromEntries(
      TENANT_SETTINGS.map((name) => [
        name,
        z.never({ error: "must not be set in demo mode, which never runs against a real tenant" }).optional(),
      ]),
    ),
  })
  .transform(
    (input): DemoConfig => ({
      mode: "demo",
      port: input.PORT,
      host: input.HOST,
      logLevel: input.LOG_LEVEL,
      telemetryConnectionString: input.APPLICATIONINSIGHTS_CONNECTION_STRING,
      dataDir: input.FIELDCOACH_DATA_DIR,
      fresh: input["--fresh"],
    }),
  );

function tenantSchema(why: string) {
  const required = (what: string) =>
    z.string({ error: `is required in tenant mode (${why}) and must be ${what}` });
  return z
    .object({
      FIELDCOACH_MODE: z.literal("tenant"),
      PORT: port,
      HOST: z.string().default("0.0.0.0"),
      LOG_LEVEL: logLevel,
      APPLICATIONINSIGHTS_CONNECTION_STRING: telemetryConnectionString,
      FIELDCOACH_CLIENT_ID: required("the app registration's client id").regex(
        GUID,
        "must be the app registration's client id, a GUID",
      ),
      FIELDCOACH_APP_ID: required(
        "the app package's Teams app id, which reminders and their links into the tab name",
      ).regex(GUID, "must be the app package's Teams app id, a GUID"),
      FIELDCOACH_CLIENT_SECRET: z.string().optional(),
      FIELDCOACH_CLIENT_CERTIFICATE: z.string().optional(),
      FIELDCOACH_ALLOWED_TENANTS: required("a comma-separated list of tenant ids")
        .transform((text) => text.split(",").map((id) => id.trim().toLowerCase()))
        .refine(
          (ids) => ids.every((id) => GUID.test(id)),
          "must be a comma-separated list of tenant ids (GUIDs)",
        ),
      DATABASE_URL: required("a postgres:// URL").refine(
        (url) => /^postgres(ql)?:\/\/\S+$/.test(url) && URL.canParse(url),
        "must be a postgres:// or postgresql:// URL",
      ),
      FIELDCOACH_PUBLIC_BASE_URL: required("the https:// address FieldCoach is served from")
        .refine(
          (url) => URL.canParse(url) && new URL(url).protocol === "https:",
          "must be an https:// URL, because Teams and Outlook load pages only over HTTPS",
        )
        .transform((url) => url.replace(/\/+$/, "")),
      FIELDCOACH_APP_ID_URI: z.string().optional(),
      FIELDCOACH_API_SCOPE: z
        .string()
        .regex(/^[\w.-]+$/, "must be a scope name such as access_as_user")
        .default("access_as_user"),
      FIELDCOACH_TOKEN_VERSION: z.enum(["1", "2"], { error: "must be 1 or 2" }).default("2"),
      "--fresh": z.literal(false, {
        error: "cannot be used in tenant mode, because it would erase a real tenant's data",
      }),
    })
    .transform((input, context): TenantConfig | typeof z.NEVER => {
      const credential = credentialOf(input.FIELDCOACH_CLIENT_SECRET, input.FIELDCOACH_CLIENT_CERTIFICATE);
      if ("problem" in credential) {
        context.addIssue({ code: "custom", path: [credential.setting], message: credential.problem });
        return z.NEVER;
      }
      const appIdUri =
        input.FIELDCOACH_APP_ID_URI ??
        `api://${new URL(input.FIELDCOACH_PUBLIC_BASE_URL).host}/${input.FIELDCOACH_CLIENT_ID}`;
      return {
        mode: "tenant",
        port: input.PORT,
        host: input.HOST,
        logLevel: input.LOG_LEVEL,
        telemetryConnectionString: input.APPLICATIONINSIGHTS_CONNECTION_STRING,
        clientId: input.FIELDCOACH_CLIENT_ID.toLowerCase(),
        teamsAppId: input.FIELDCOACH_APP_ID.toLowerCase(),
        credential,
        allowedTenants: [...new Set(input.FIELDCOACH_ALLOWED_TENANTS)],
        databaseUrl: input.DATABASE_URL,
        publicBaseUrl: input.FIELDCOACH_PUBLIC_BASE_URL,
        apiScope: input.FIELDCOACH_API_SCOPE,
        appIdUri,
        audiences: [input.FIELDCOACH_CLIENT_ID.toLowerCase(), appIdUri],
        tokenVersion: input.FIELDCOACH_TOKEN_VERSION === "1" ? 1 : 2,
      };
    });
}

function credentialOf(
  secret: string | undefined,
  certificate: string | undefined,
): ClientCredential | { readonly setting: string; readonly problem: string } {
  if (secret !== undefined && certificate !== undefined) {
    return {
      setting: "FIELDCOACH_CLIENT_CERTIFICATE",
      problem: "must not be set together with FIELDCOACH_CLIENT_SECRET; choose one credential",
    };
  }
  if (secret !== undefined) return { kind: "secret", secret };
  if (certificate === undefined) {
    return {
      setting: "FIELDCOACH_CLIENT_SECRET",
      problem: "or FIELDCOACH_CLIENT_CERTIFICATE is required in tenant mode to call Microsoft Graph",
    };
  }
  const parsed = parseClientCertificate(certificate);
  if ("problem" in parsed) return { setting: "FIELDCOACH_CLIENT_CERTIFICATE", problem: parsed.problem };
  return { kind: "certificate", ...parsed };
}

/**
 * Reads the server's whole configuration from the environment and the command line, once, at start.
 * Without tenant settings FieldCoach runs the demo; any tenant setting selects tenant mode, where
 * every required setting must be present. Throws ConfigError with one sentence naming the setting.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
): Config {
  const unknown = argv.find((arg) => !(FLAGS as readonly string[]).includes(arg));
  if (unknown !== undefined) {
    throw new ConfigError(
      unknown,
      `Unknown argument "${unknown}": the server accepts only ${FLAGS.join(", ")}.`,
    );
  }
  // An empty variable is how shells and container runtimes say "unset".
  const input: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== "") input[name] = value.trim();
  }
  input["--fresh"] = argv.includes("--fresh");
  const present = TENANT_SETTINGS.filter((name) => input[name] !== undefined);
  input.FIELDCOACH_MODE ??= present.length > 0 ? "tenant" : "demo";

  const why = env.FIELDCOACH_MODE?.trim() === "tenant" ? "FIELDCOACH_MODE is tenant" : `${present[0]} is set`;
  const schema = z.discriminatedUnion("FIELDCOACH_MODE", [demoSchema, tenantSchema(why)], {
    error: 'must be "demo" or "tenant"',
  });
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const setting = String(issue.path[0] ?? "FIELDCOACH_MODE");
  throw new ConfigError(setting, `Configuration error: ${setting} ${issue.message}.`);
}

/**
 * Every environment variable tenant mode reads, from the schema itself, so that a deployment template
 * can be checked to set exactly these on the container.
 */
export const TENANT_ENVIRONMENT: readonly string[] = Object.keys(tenantSchema("").in.shape).filter(
  (name) => !name.startsWith("--"),
);
