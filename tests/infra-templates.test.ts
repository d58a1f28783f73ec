// No Bicep compiler and no Azure run here, so the deployment files are checked against each other and
// against the code they deploy: module calls against module parameters, parameter files against the
// template, the toolkit file against what each step can know, the container's environment against the
// server's configuration schema, and the security settings the issue asks for.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, matchesGlob, resolve } from "node:path";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { resolveApp } from "../manifest/app-definition.ts";
import { PACKAGE_FILE, packageApp } from "../scripts/package-app.ts";
import { loadConfig, TENANT_ENVIRONMENT } from "../src/config/load-config.ts";
import { PERMISSIONS } from "../src/graph/permissions.ts";
import { SEND_ACTIVITY } from "../src/graph/send-activity-notification.ts";
import { registerHealthRoutes } from "../src/server/health-routes.ts";
import {
  at,
  type BicepDeployment,
  type BicepFile,
  type BicepValue,
  expressionOf,
  isObject,
  readBicep,
  readBicepParams,
} from "./infra-bicep.ts";

const ROOT = resolve(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const scratch = mkdtempSync(join(tmpdir(), "fieldcoach-infra-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bicepFiles = new Map<string, BicepFile>(
  [
    "infra/main.bicep",
    ...readdirSync(join(ROOT, "infra/modules")).map((name) => `infra/modules/${name}`),
  ].map((path) => [path, readBicep(read(path))]),
);
const main = bicepFiles.get("infra/main.bicep")!;
const moduleFile = (call: BicepDeployment) => bicepFiles.get(`infra/${call.target}`)!;
const moduleCall = (symbol: string) => main.modules.find((call) => call.symbol === symbol)!;
const resourceOfType = (path: string, type: string) =>
  bicepFiles.get(path)!.resources.filter((resource) => resource.target.startsWith(`${type}@`));

/** How the toolkit files name a variable: `${{NAME}}`. */
const toolkitVariable = (name: string) => `\${{${name}}}`;
const PLACEHOLDER = /\$\{\{\s*([A-Z][A-Z0-9_]*)\s*\}\}/g;
const placeholdersIn = (text: string) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);

interface ToolkitParameters {
  readonly parameters: Readonly<Record<string, { readonly value: string }>>;
}
const toolkitParameters = (path: string) => (JSON.parse(read(path)) as ToolkitParameters).parameters;
/** The variable a toolkit parameter value names, when the value is exactly one placeholder. */
const variableOf = (value: string) => /^\$\{\{([A-Z][A-Z0-9_]*)\}\}$/.exec(value)?.[1];

/** The variables an env file sets, with their values. */
function envFile(path: string): Map<string, string> {
  const variables = new Map<string, string>();
  for (const line of read(path).split("\n")) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match !== null) variables.set(match[1]!, match[2]!);
  }
  return variables;
}

interface ToolkitAction {
  readonly stage: string;
  readonly uses: string;
  readonly text: string;
}

/** The toolkit file's actions in order, each with its lines (comments removed). */
function toolkitActions(text: string): ToolkitAction[] {
  const actions: { stage: string; uses: string; lines: string[] }[] = [];
  let stage = "";
  for (const line of text.split("\n")) {
    if (/^\s*#/.test(line)) continue;
    const stageMatch = /^(provision|deploy|publish|share):\s*$/.exec(line);
    if (stageMatch !== null) {
      stage = stageMatch[1]!;
      continue;
    }
    const actionMatch = /^ {2}- uses: (\S+)/.exec(line);
    if (actionMatch !== null) actions.push({ stage, uses: actionMatch[1]!, lines: [] });
    else if (/^\S/.test(line)) stage = "";
    if (stage !== "" && actions.length > 0) actions.at(-1)!.lines.push(line);
  }
  return actions.map(({ stage, uses, lines }) => ({ stage, uses, text: lines.join("\n") }));
}

/** `key: value` directly under `section:` in an action. */
function mapping(action: ToolkitAction, section: string): Map<string, string> {
  const result = new Map<string, string>();
  const lines = action.text.split("\n");
  const start = lines.findIndex((line) => new RegExp(`^\\s+${section}:\\s*$`).test(line));
  if (start === -1) return result;
  const indent = /^\s*/.exec(lines[start]!)![0].length;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*$/.exec(line) !== null) continue;
    if (/^\s*/.exec(line)![0].length <= indent) break;
    const match = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    if (match !== null) result.set(match[1]!, match[2]!);
  }
  return result;
}

const field = (action: ToolkitAction, key: string) =>
  new RegExp(`^\\s+-?\\s*${key}:\\s*(.+)$`, "m").exec(action.text)?.[1]?.trim();

/** The scripts an action runs and the variables they announce with `::set-teamsfx-env`. */
function variablesSetBy(action: ToolkitAction): string[] {
  if (action.uses !== "script") return [];
  const run = field(action, "run") ?? "";
  const scripts = [...run.matchAll(/\bsh (\.\/\S+\.sh)/g)].map((match) => read(match[1]!));
  return [run, ...scripts].flatMap((text) =>
    [...text.matchAll(/::set-teamsfx-env ([A-Z][A-Z0-9_]*)=/g)].map((match) => match[1]!),
  );
}

const actions = toolkitActions(read("m365agents.yml"));
const toolkitText = read("m365agents.yml");
const environments = ["dev", "prod"] as const;
const committedEnv = environments.map((name) => envFile(`env/.env.${name}`));

const containerApp = resourceOfType("infra/modules/container-app.bicep", "Microsoft.App/containerApps")[0]!;
const container = at(containerApp.body, "properties", "template", "containers", 0);
const containerEnv = (at(container, "env") as readonly BicepValue[]).filter(isObject);
const containerAppVars = bicepFiles.get("infra/modules/container-app.bicep")!.vars;
const aadManifest = JSON.parse(read("infra/aad.manifest.json")) as {
  identifierUris: string[];
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: { value: string }[];
    preAuthorizedApplications: { appId: string }[];
  };
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  spa: { redirectUris: string[] };
};

/** Fills Bicep `${name}` interpolations of a string expression from a table. */
function interpolate(expression: string, values: Readonly<Record<string, string>>): string {
  const quoted = /^'(.*)'$/s.exec(expression);
  if (quoted === null) throw new Error(`not an interpolated string: ${expression}`);
  return quoted[1]!.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${name} in ${expression}`);
    return value;
  });
}

const tenantDefaults = loadConfig(
  {
    FIELDCOACH_CLIENT_ID: "6731de76-14a6-49ae-97bc-6eba6914391e",
    FIELDCOACH_APP_ID: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
    FIELDCOACH_CLIENT_SECRET: "secret",
    FIELDCOACH_ALLOWED_TENANTS: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    DATABASE_URL: "postgres://fieldcoach@db.internal:5432/fieldcoach",
    FIELDCOACH_PUBLIC_BASE_URL: "https://fieldcoach.contoso.com",
  },
  [],
);

describe("Bicep: modules and outputs", () => {
  it.each(main.modules.map((call) => [call.symbol, call] as const))(
    "module %s exists and gets exactly the parameters it declares, the required ones included",
    (_symbol, call) => {
      expect(existsSync(join(ROOT, "infra", call.target)), call.target).toBe(true);
      const declared = moduleFile(call).params;
      const given = Object.keys(at(call.body, "params") as object);
      expect(given.filter((name) => !declared.has(name))).toEqual([]);
      const required = [...declared.values()].filter((param) => param.defaultValue === undefined);
      expect(required.map((param) => param.name).filter((name) => !given.includes(name))).toEqual([]);
    },
  );

  it("reads only outputs the modules declare", () => {
    const references = [...read("infra/main.bicep").matchAll(/\b(\w+)\.outputs\.(\w+)/g)];
    expect(references.length).toBeGreaterThan(0);
    for (const [reference, symbol = "", output = ""] of references) {
      expect(moduleFile(moduleCall(symbol)).outputs.has(output), reference).toBe(true);
    }
  });

  it("marks every parameter that holds a password or secret @secure()", () => {
    for (const [path, file] of bicepFiles) {
      for (const param of file.params.values()) {
        if (/password$|secret$|^databaseUrl$/i.test(param.name)) {
          expect(param.decorators, `${path} ${param.name}`).toContain("@secure()");
        }
      }
    }
  });

  it("has sizes for exactly the environments it allows, each with the same settings", () => {
    const allowed = main.params.get("environmentName")!.decorators.find((d) => d.startsWith("@allowed"));
    expect([...(allowed ?? "").matchAll(/'(\w+)'/g)].map((match) => match[1])).toEqual([...environments]);
    const sizes = main.vars.get("sizes");
    expect(isObject(sizes) ? Object.keys(sizes) : []).toEqual([...environments]);
    const keysOf = (name: string) => Object.keys(at(sizes, name) as object);
    expect(keysOf("prod")).toEqual(keysOf("dev"));
  });
});

describe("parameters for the Agents Toolkit and the Azure CLI", () => {
  const provision = toolkitParameters("infra/azure.parameters.json");
  const deploy = toolkitParameters("infra/azure.parameters.app.json");
  const cli = readBicepParams(read("infra/main.bicepparam"));
  const required = [...main.params.values()].filter((param) => param.defaultValue === undefined);

  it("give only parameters main.bicep declares, and every required one", () => {
    for (const names of [Object.keys(provision), Object.keys(deploy), [...cli.params.keys()]]) {
      expect(names.filter((name) => !main.params.has(name))).toEqual([]);
      expect(required.map((param) => param.name).filter((name) => !names.includes(name))).toEqual([]);
    }
    expect(cli.using).toBe("./main.bicep");
  });

  it("deploy the app only with an image tag: the deploy stage's file is provision's plus the tag", () => {
    expect(provision).not.toHaveProperty("containerImageTag");
    expect(main.params.get("containerImageTag")!.defaultValue).toBe("");
    expect(moduleCall("app").condition).toBe("!empty(containerImageTag)");
    const { containerImageTag, ...rest } = deploy;
    expect(rest).toEqual(provision);
    expect(containerImageTag).toEqual({ value: toolkitVariable("CONTAINER_IMAGE_TAG") });
  });

  it("read each parameter from the same variable in both tools", () => {
    for (const [name, { value }] of Object.entries(deploy)) {
      const variable = variableOf(value);
      expect(variable, name).toBeDefined();
      expect(expressionOf(cli.params.get(name)), name).toMatch(
        new RegExp(`^readEnvironmentVariable\\('${variable}'(, '')?\\)$`),
      );
    }
    expect(cli.params.size).toBe(Object.keys(deploy).length);
  });
});

describe("m365agents.yml", () => {
  const KNOWN_ACTIONS = [
    "aadApp/create",
    "aadApp/update",
    "arm/deploy",
    "cli/runNpmCommand",
    "script",
    "teamsApp/create",
    "teamsApp/validateAppPackage",
    "teamsApp/update",
    "teamsApp/publishAppPackage",
  ];

  it("follows schema v1.11 with provision, deploy and publish stages of known actions", () => {
    expect(toolkitText).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.11\//,
    );
    expect(toolkitText).toMatch(/^version: v1\.11$/m);
    expect(toolkitText).toMatch(/^environmentFolderPath: \.\/env$/m);
    expect([...new Set(actions.map((action) => action.stage))]).toEqual(["provision", "deploy", "publish"]);
    for (const action of actions) expect(KNOWN_ACTIONS, action.uses).toContain(action.uses);
  });

  it("refers only to files that exist", () => {
    for (const action of actions) {
      for (const key of ["path", "parameters", "manifestPath"]) {
        const path = field(action, key);
        if (path !== undefined) expect(existsSync(join(ROOT, path)), `${action.uses} ${key}`).toBe(true);
      }
      for (const script of (field(action, "run") ?? "").matchAll(/\bsh (\.\/\S+\.sh)/g)) {
        expect(existsSync(join(ROOT, script[1]!)), script[1]).toBe(true);
      }
    }
  });

  it("uses each variable only where an env file, the user's secrets or an earlier step provides it", () => {
    const inBothEnvFiles = [...committedEnv[0]!.keys()].filter((name) => committedEnv[1]!.has(name));
    const known = new Set<string>(inBothEnvFiles);
    // aadApp/update makes the id of the scope it applies when the manifest names it.
    const madeByAadUpdate = "AAD_APP_ACCESS_AS_USER_PERMISSION_ID";
    const isUserSecret = (name: string) => name.startsWith("SECRET_");
    for (const action of actions) {
      const used = [...placeholdersIn(action.text)];
      const files = [field(action, "parameters"), field(action, "manifestPath")].filter(
        (path) => path !== undefined,
      );
      for (const path of files) used.push(...placeholdersIn(read(path)));
      if (action.uses === "arm/deploy") {
        for (const path of files) {
          for (const { value } of Object.values(toolkitParameters(path))) {
            for (const name of placeholdersIn(value)) used.push(name);
          }
        }
      }
      for (const name of used) {
        const available =
          known.has(name) ||
          isUserSecret(name) ||
          (action.uses === "aadApp/update" && name === madeByAadUpdate);
        expect(available, `${action.stage} ${action.uses} uses ${name}`).toBe(true);
      }
      for (const name of mapping(action, "writeToEnvironmentFile").values()) known.add(name);
      for (const name of variablesSetBy(action)) known.add(name);
      if (action.uses === "arm/deploy") for (const name of main.outputs.keys()) known.add(name);
    }
  });

  it("deploys main.bicep: provision without the image, deploy with it", () => {
    const deployments = actions.filter((action) => action.uses === "arm/deploy");
    expect(
      deployments.map((action) => [action.stage, field(action, "path"), field(action, "parameters")]),
    ).toEqual([
      ["provision", "./infra/main.bicep", "./infra/azure.parameters.json"],
      ["deploy", "./infra/main.bicep", "./infra/azure.parameters.app.json"],
    ]);
    const deployStage = actions.filter((action) => action.stage === "deploy").map((action) => action.text);
    const build = deployStage.findIndex((text) => text.includes("az acr build"));
    expect(deployStage[build]).toContain(
      `--image fieldcoach:${toolkitVariable("CONTAINER_IMAGE_TAG")} --file infra/Dockerfile .`,
    );
    expect(deployStage.findIndex((text) => text.includes("uses: arm/deploy"))).toBeGreaterThan(build);
    expect(expressionOf(at(moduleCall("app").body, "params", "image"))).toBe(
      `'\${registry.outputs.loginServer}/fieldcoach:\${containerImageTag}'`,
    );
  });

  it("builds the app package with `npm run package` from the deployment's values, before updating the Teams app", async () => {
    const packaging = actions.filter((action) => action.uses === "cli/runNpmCommand");
    expect(packaging.map((action) => action.stage)).toEqual(["provision", "publish"]);
    for (const stage of ["provision", "publish"]) {
      const uses = actions.filter((action) => action.stage === stage).map((action) => action.uses);
      expect(uses.indexOf("cli/runNpmCommand")).toBeLessThan(uses.indexOf("teamsApp/update"));
    }
    for (const action of actions.filter(
      (action) => action.uses.startsWith("teamsApp/") && action.uses !== "teamsApp/create",
    )) {
      expect(field(action, "appPackagePath"), action.uses).toBe(`./dist/package/${PACKAGE_FILE}`);
    }
    const samples: Record<string, string> = {
      FIELDCOACH_PUBLIC_BASE_URL: "https://ca-fieldcoach-dev.blue-sea-1234.westeurope.azurecontainerapps.io",
      AAD_APP_CLIENT_ID: "0d3c6a52-7a6e-4a0c-9d51-8b3f2e1c4a77",
      TEAMS_APP_ID: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
    };
    for (const action of packaging) {
      expect(field(action, "args")).toBe("run package");
      const env = Object.fromEntries(
        [...mapping(action, "env")].map(([name, value]) => [
          name,
          value.replace(PLACEHOLDER, (_, v: string) => samples[v]!),
        ]),
      );
      let stderr = "";
      const code = await packageApp(["--out-dir", join(scratch, action.stage)], {
        stdout: () => {},
        stderr: (text) => {
          stderr += text;
        },
        cwd: ROOT,
        env,
      });
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(existsSync(join(scratch, action.stage, PACKAGE_FILE))).toBe(true);
    }
  });

  it("registers the app without a client secret and publishes the package", () => {
    const create = actions.find((action) => action.uses === "aadApp/create")!;
    expect(field(create, "generateClientSecret")).toBe("false");
    expect(mapping(create, "writeToEnvironmentFile").has("clientSecret")).toBe(false);
    expect(actions.at(-1)!.uses).toBe("teamsApp/publishAppPackage");
  });
});

describe("env files", () => {
  it.each(environments)("env/.env.%s names its environment and holds no secret", (name) => {
    const variables = envFile(`env/.env.${name}`);
    expect(variables.get("TEAMSFX_ENV")).toBe(name);
    expect([...variables.keys()].filter((key) => key.startsWith("SECRET_"))).toEqual([]);
    for (const [key, value] of variables) {
      expect(value, key).not.toMatch(/-----BEGIN|password|postgres:\/\//i);
    }
  });

  it("keeps the per-environment secret files out of git", () => {
    const ignored = read("env/.gitignore")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"));
    for (const name of environments) {
      expect(
        ignored.some((pattern) => matchesGlob(`.env.${name}.user`, pattern)),
        name,
      ).toBe(true);
      expect(
        ignored.some((pattern) => matchesGlob(`.env.${name}`, pattern)),
        name,
      ).toBe(false);
    }
  });
});

describe("the container's configuration", () => {
  const byName = new Map(containerEnv.map((entry) => [entry.name as string, entry]));

  it("is exactly what the server's configuration schema reads in tenant mode, with the certificate credential", () => {
    // The schema takes a client secret or a certificate, never both; the deployment uses the certificate.
    const expected = TENANT_ENVIRONMENT.filter((name) => name !== "FIELDCOACH_CLIENT_SECRET");
    expect([...byName.keys()].sort()).toEqual([...expected].sort());
    expect(containerEnv).toHaveLength(byName.size);
  });

  it("gives each variable a value or a secret reference, and the credentials only as Key Vault references", () => {
    for (const entry of containerEnv) {
      expect(Object.keys(entry).sort(), String(entry.name)).toEqual(
        "secretRef" in entry ? ["name", "secretRef"] : ["name", "value"],
      );
    }
    const secrets = (
      at(containerApp.body, "properties", "configuration", "secrets") as readonly BicepValue[]
    ).filter(isObject);
    for (const secret of secrets) {
      expect(Object.keys(secret).sort(), String(secret.name)).toEqual(["identity", "keyVaultUrl", "name"]);
    }
    const secretNames = secrets.map((secret) => secret.name);
    for (const name of ["DATABASE_URL", "FIELDCOACH_CLIENT_CERTIFICATE"]) {
      expect(secretNames, name).toContain(byName.get(name)!.secretRef);
    }
    for (const entry of containerEnv.filter((entry) => "secretRef" in entry)) {
      expect(secretNames).toContain(entry.secretRef);
    }
  });

  it("points the certificate at the vault secret the certificate script creates, and the database URL at TLS", () => {
    const appParams = at(moduleCall("app").body, "params");
    expect(expressionOf(at(appParams, "graphCertificateReference"))).toBe(
      `'\${keyVault.outputs.uri}secrets/\${graphCertificateName}'`,
    );
    expect(expressionOf(main.outputs.get("AZURE_KEY_VAULT_CERTIFICATE_NAME")!.value)).toBe(
      "graphCertificateName",
    );
    expect(read("infra/scripts/graph-certificate.sh")).toContain('"${AZURE_KEY_VAULT_CERTIFICATE_NAME:?');
    const policy = JSON.parse(read("infra/graph-certificate-policy.json")) as {
      secretProperties: { contentType: string };
      keyProperties: { exportable: boolean };
    };
    expect(policy.secretProperties.contentType).toBe("application/x-pem-file");
    expect(policy.keyProperties.exportable).toBe(true);
    const databaseUrl = expressionOf(at(moduleCall("keyVault").body, "params", "databaseUrl"))!;
    expect(databaseUrl).toMatch(/^'postgres:\/\/.*\?sslmode=verify-full'$/);
    expect(databaseUrl).toContain(`\${uriComponent(databaseAdminPassword)}`);
  });

  it("sets literal values the schema accepts, the default port on both sides of the ingress", () => {
    expect(byName.get("FIELDCOACH_MODE")!.value).toBe("tenant");
    expect(byName.get("HOST")!.value).toBe("0.0.0.0");
    expect(containerAppVars.get("port")).toBe(tenantDefaults.port);
    expect(expressionOf(byName.get("PORT")!.value)).toBe("string(port)");
    expect(expressionOf(at(containerApp.body, "properties", "configuration", "ingress", "targetPort"))).toBe(
      "port",
    );
    const literals = Object.fromEntries(
      containerEnv
        .filter((entry) => typeof entry.value === "string")
        .map((entry) => [entry.name, entry.value]),
    );
    const config = loadConfig(
      {
        ...literals,
        FIELDCOACH_API_SCOPE: String(containerAppVars.get("apiScope")),
        FIELDCOACH_TOKEN_VERSION: String(containerAppVars.get("tokenVersion")),
        FIELDCOACH_CLIENT_ID: "6731de76-14a6-49ae-97bc-6eba6914391e",
        FIELDCOACH_APP_ID: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
        FIELDCOACH_CLIENT_SECRET: "stands in for the certificate",
        FIELDCOACH_ALLOWED_TENANTS: "72f988bf-86f1-41af-91ab-2d7cd011db47",
        DATABASE_URL:
          "postgres://fieldcoach:x@psql.postgres.database.azure.com:5432/fieldcoach?sslmode=verify-full",
        FIELDCOACH_PUBLIC_BASE_URL: "https://ca-fieldcoach-dev.example.azurecontainerapps.io",
      },
      [],
    );
    expect(config).toMatchObject({ mode: "tenant", port: tenantDefaults.port, host: "0.0.0.0" });
  });

  it("agrees with the app registration and the app package on the API's address, scope and token version", () => {
    const host = "ca-fieldcoach-dev.blue-sea-1234.westeurope.azurecontainerapps.io";
    const clientId = "0d3c6a52-7a6e-4a0c-9d51-8b3f2e1c4a77";
    const fromContainer = interpolate(expressionOf(byName.get("FIELDCOACH_APP_ID_URI")!.value)!, {
      publicHost: host,
      clientId,
    });
    const fromRegistration = aadManifest.identifierUris[0]!.replace(
      toolkitVariable("FIELDCOACH_PUBLIC_HOST"),
      host,
    ).replace(toolkitVariable("AAD_APP_CLIENT_ID"), clientId);
    const baseUrl = interpolate(expressionOf(main.outputs.get("FIELDCOACH_PUBLIC_BASE_URL")!.value)!, {
      publicHost: host,
    });
    const fromPackage = resolveApp({
      baseUrl,
      clientId,
      appId: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
    }).apiResource;
    expect(fromContainer).toBe(fromPackage);
    expect(fromRegistration).toBe(fromPackage);
    expect(
      interpolate(expressionOf(byName.get("FIELDCOACH_PUBLIC_BASE_URL")!.value)!, { publicHost: host }),
    ).toBe(baseUrl);
    expect(aadManifest.identifierUris).toHaveLength(1);
    expect(aadManifest.api.oauth2PermissionScopes.map((scope) => scope.value)).toEqual([
      containerAppVars.get("apiScope"),
    ]);
    expect(String(aadManifest.api.requestedAccessTokenVersion)).toBe(containerAppVars.get("tokenVersion"));
    expect(aadManifest.spa.redirectUris).toContain(
      `brk-multihub://${toolkitVariable("FIELDCOACH_PUBLIC_HOST")}`,
    );
  });

  it("probes paths the server answers without a token", async () => {
    const probes = (at(container, "probes") as readonly BicepValue[]).filter(isObject);
    expect(probes.map((probe) => probe.type)).toEqual(["Startup", "Liveness", "Readiness"]);
    const app = Fastify();
    registerHealthRoutes(app, { database: async () => {} });
    for (const probe of probes) {
      const path = at(probe, "httpGet", "path");
      expect(expressionOf(at(probe, "httpGet", "port"))).toBe("port");
      const response = await app.inject({ method: "GET", url: String(path) });
      expect(response.statusCode, String(path)).toBe(200);
    }
    await app.close();
  });

  it("asks the registration for Graph permissions that cover every call the server makes, and no others", () => {
    const graph = aadManifest.requiredResourceAccess.find(
      (resource) => resource.resourceAppId === "Microsoft Graph",
    )!;
    const signIn = new Set(["openid", "profile", "offline_access"]);
    const delegated = graph.resourceAccess
      .filter((access) => access.type === "Scope")
      .map((access) => access.id);
    // The app-only calls: activity-feed reminders, sent as FieldCoach rather than as a person, and the
    // optional reading of reps' own calendars (least privileged, for the admin to scope with RBAC).
    const application = graph.resourceAccess
      .filter((access) => access.type !== "Scope")
      .map((access) => `${access.type} ${access.id}`);
    expect(application).toEqual([
      `Role ${SEND_ACTIVITY.application[0]}`,
      `Role ${PERMISSIONS.readOthersCalendar.application[0]}`,
    ]);
    const calls = Object.entries(PERMISSIONS);
    for (const [call, permission] of calls) {
      expect(
        permission.delegated.some((name) => delegated.includes(name)),
        call,
      ).toBe(true);
    }
    for (const name of delegated.filter((name) => !signIn.has(name))) {
      expect(
        calls.some(([, permission]) => (permission.delegated as readonly string[]).includes(name)),
        name,
      ).toBe(true);
    }
  });
});

describe("security settings", () => {
  it("serves the app over HTTPS only, from its own identity, never scaling to zero", () => {
    const ingress = at(containerApp.body, "properties", "configuration", "ingress");
    expect(at(ingress, "external")).toBe(true);
    expect(at(ingress, "allowInsecure")).toBe(false);
    expect(at(containerApp.body, "identity", "type")).toBe("UserAssigned");
    expect(
      expressionOf(at(containerApp.body, "properties", "configuration", "registries", 0, "identity")),
    ).toBe("identityId");
    const minReplicas = bicepFiles.get("infra/modules/container-app.bicep")!.params.get("minReplicas")!;
    expect(minReplicas.decorators).toContain("@minValue(1)");
  });

  it("keeps PostgreSQL off the internet, on TLS 1.2 or later, with backups kept per environment", () => {
    const [server] = resourceOfType(
      "infra/modules/database.bicep",
      "Microsoft.DBforPostgreSQL/flexibleServers",
    );
    const network = at(server!.body, "properties", "network");
    expect(at(network, "publicNetworkAccess")).toBe("Disabled");
    expect(expressionOf(at(network, "delegatedSubnetResourceId"))).toBe("subnetId");
    for (const [path, file] of bicepFiles) {
      const firewall = file.resources.filter((resource) => resource.target.includes("firewallRules"));
      expect(firewall, path).toEqual([]);
    }
    const settings = Object.fromEntries(
      resourceOfType(
        "infra/modules/database.bicep",
        "Microsoft.DBforPostgreSQL/flexibleServers/configurations",
      ).map((configuration) => [
        at(configuration.body, "name"),
        at(configuration.body, "properties", "value"),
      ]),
    );
    expect(settings).toEqual({ require_secure_transport: "on", ssl_min_protocol_version: "TLSv1.2" });
    const sizes = main.vars.get("sizes");
    expect(at(sizes, "dev", "databaseBackupRetentionDays")).toBe(7);
    expect(at(sizes, "prod", "databaseBackupRetentionDays")).toBe(35);
    expect(at(sizes, "prod", "databaseGeoRedundantBackup")).toBe("Enabled");
    expect(at(sizes, "prod", "databaseHighAvailability")).toBe("ZoneRedundant");
  });

  it("grants the app's identity only secret reading on the vault and pulling on the registry", () => {
    const grants = [...bicepFiles].flatMap(([path, file]) =>
      file.resources
        .filter((resource) => resource.target.startsWith("Microsoft.Authorization/roleAssignments@"))
        .map((resource) => `${path} ${expressionOf(at(resource.body, "properties", "principalId"))}`),
    );
    expect(grants.sort()).toEqual([
      "infra/modules/key-vault.bicep certificateOfficerObjectId",
      "infra/modules/key-vault.bicep secretsUserPrincipalId",
      "infra/modules/registry.bicep pullerPrincipalId",
    ]);
    expect(bicepFiles.get("infra/modules/registry.bicep")!.vars.get("acrPullRoleId")).toBe(
      "7f951dda-4ed3-4680-a7ca-43fe172d538d",
    );
    expect(bicepFiles.get("infra/modules/key-vault.bicep")!.vars.get("secretsUserRoleId")).toBe(
      "4633458b-17de-408a-b874-0445c86b69e6",
    );
    for (const symbol of ["registry", "keyVault"]) {
      const principal = Object.entries(at(moduleCall(symbol).body, "params") as object).find(([name]) =>
        /^(puller|secretsUser)PrincipalId$/.test(name),
      );
      expect(expressionOf(principal?.[1] as BicepValue), symbol).toBe("identity.properties.principalId");
    }
  });

  it("keeps the vault on Azure RBAC with soft delete, and the registry without an admin user", () => {
    const [vault] = resourceOfType("infra/modules/key-vault.bicep", "Microsoft.KeyVault/vaults");
    expect(at(vault!.body, "properties", "enableRbacAuthorization")).toBe(true);
    expect(at(vault!.body, "properties", "enableSoftDelete")).toBe(true);
    const [registry] = resourceOfType(
      "infra/modules/registry.bicep",
      "Microsoft.ContainerRegistry/registries",
    );
    expect(at(registry!.body, "properties", "adminUserEnabled")).toBe(false);
  });
});
