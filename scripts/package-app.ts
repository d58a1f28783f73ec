// `npm run package`: writes the Teams / Microsoft 365 app package and the Outlook add-in only
// manifest for one deployment into dist/package/. It needs only manifest/ (no webpack bundle).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { resolveApp } from "../manifest/app-definition.ts";
import { buildUnifiedManifest } from "../manifest/build-unified-manifest.ts";
import { buildXmlManifest } from "../manifest/build-xml-manifest.ts";
import {
  DEMO_DEPLOYMENT,
  type Deployment,
  DeploymentError,
  parseBaseUrl,
  parseGuid,
} from "../manifest/deployment.ts";
import { TEAMS_COLOR_ICON, TEAMS_OUTLINE_ICON } from "../manifest/icon-catalog.ts";
import { validateAppPackage } from "../manifest/validate-app-package.ts";
import { validateIconDirectory } from "../manifest/validate-icons.ts";
import { validateXmlManifest } from "../manifest/validate-xml-manifest.ts";
import { writeZip } from "./lib/zip-write.ts";

export const PACKAGE_FILE = "fieldcoach.zip";
export const OUTLOOK_MANIFEST_FILE = "outlook-manifest.xml";
const ICONS_DIR = fileURLToPath(new URL("../manifest/icons/", import.meta.url));
const DEFAULT_OUT_DIR = fileURLToPath(new URL("../dist/package/", import.meta.url));

export interface PackageIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const USAGE = `Usage: npm run package -- [--base-url URL] [--client-id GUID] [--app-id GUID] [--out-dir DIR]

Writes ${PACKAGE_FILE} (upload to Teams or the Microsoft 365 admin center) and ${OUTLOOK_MANIFEST_FILE}
(for Outlook clients that do not take the unified manifest) into dist/package/.

  --base-url   public https URL serving /tab, /tab/config, /outlook and /icons (FIELDCOACH_PUBLIC_BASE_URL)
  --client-id  Entra ID application (client) id (FIELDCOACH_CLIENT_ID)
  --app-id     Microsoft 365 app id, a GUID of your choosing kept across versions (FIELDCOACH_APP_ID)
  --out-dir    where to write, default dist/package

Give all three of base URL, client id and app id, or none for a demo package on https://localhost:3000.
`;

const SETTINGS = [
  { key: "baseUrl", flag: "base-url", variable: "FIELDCOACH_PUBLIC_BASE_URL", parse: parseBaseUrl },
  { key: "clientId", flag: "client-id", variable: "FIELDCOACH_CLIENT_ID", parse: parseGuid },
  { key: "appId", flag: "app-id", variable: "FIELDCOACH_APP_ID", parse: parseGuid },
] as const;

class BadInput extends Error {}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        "base-url": { type: "string" },
        "client-id": { type: "string" },
        "app-id": { type: "string" },
        "out-dir": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const quoted = /'(-{0,2}[^' ]+)/.exec(message)?.[1] ?? "";
    const detail =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `Unknown option ${quoted}`
        : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
          ? `Option ${/--[a-z-]+/.exec(message)?.[0] ?? quoted} ${message.includes("does not take") ? "takes no value" : "needs a value"}`
          : `Unexpected argument "${quoted}"`;
    throw new BadInput(
      `${detail}; package-app takes --base-url, --client-id, --app-id and --out-dir (see --help).`,
    );
  }
}

function deploymentFrom(flags: ReturnType<typeof parseFlags>, env: PackageIO["env"]): Deployment | undefined {
  const given = SETTINGS.map((setting) => {
    const flag = flags[setting.flag];
    if (flag !== undefined) return { setting, value: flag, source: `--${setting.flag}` };
    const variable = env[setting.variable];
    return variable === undefined || variable === ""
      ? { setting }
      : { setting, value: variable, source: setting.variable };
  });
  if (given.every((entry) => entry.value === undefined)) return undefined;
  const missing = given.find((entry) => entry.value === undefined);
  if (missing !== undefined) {
    const { flag, variable } = missing.setting;
    throw new BadInput(
      `--${flag} (or ${variable}) is missing: give all three of base URL, client id and app id, or none for the demo package.`,
    );
  }
  const parsed = (key: (typeof SETTINGS)[number]["key"]) => {
    const { setting, value, source } = given.find((entry) => entry.setting.key === key)!;
    return setting.parse(value!, source!);
  };
  return { baseUrl: parsed("baseUrl"), clientId: parsed("clientId"), appId: parsed("appId") };
}

/** Runs the packaging; returns the exit code (0 written, 1 a generated file failed validation, 2 bad input). */
export async function packageApp(argv: readonly string[], io: PackageIO): Promise<number> {
  let flags: ReturnType<typeof parseFlags>;
  let deployment: Deployment | undefined;
  try {
    flags = parseFlags(argv);
    if (flags.help) {
      io.stdout(USAGE);
      return 0;
    }
    deployment = deploymentFrom(flags, io.env);
  } catch (error) {
    if (error instanceof BadInput || error instanceof DeploymentError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const app = resolveApp(deployment ?? DEMO_DEPLOYMENT);
  const outDir = flags["out-dir"] === undefined ? DEFAULT_OUT_DIR : resolve(io.cwd, flags["out-dir"]);

  const manifestJson = `${JSON.stringify(buildUnifiedManifest(app), null, 2)}\n`;
  const zip = writeZip([
    { name: "manifest.json", data: Buffer.from(manifestJson, "utf8") },
    { name: TEAMS_COLOR_ICON.file, data: readFileSync(join(ICONS_DIR, TEAMS_COLOR_ICON.file)) },
    { name: TEAMS_OUTLINE_ICON.file, data: readFileSync(join(ICONS_DIR, TEAMS_OUTLINE_ICON.file)) },
  ]);
  const xml = buildXmlManifest(app);
  const problems = [
    ...(await validateAppPackage(zip, app)),
    ...validateXmlManifest(xml, app).map((problem) => `${OUTLOOK_MANIFEST_FILE} ${problem}`),
    ...validateIconDirectory(ICONS_DIR),
  ];
  if (problems.length > 0) {
    io.stderr(
      `The generated files failed validation, so nothing was written:\n${problems.map((p) => `  ${p}\n`).join("")}`,
    );
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, PACKAGE_FILE), zip);
  writeFileSync(join(outDir, OUTLOOK_MANIFEST_FILE), xml);
  io.stdout(
    `${deployment === undefined ? "No deployment given: demo values for https://localhost:3000.\n" : ""}` +
      `Base URL ${app.deployment.baseUrl}, client id ${app.deployment.clientId}, app id ${app.deployment.appId}.\n` +
      `Wrote ${join(outDir, PACKAGE_FILE)} (${zip.length} bytes) and ${join(outDir, OUTLOOK_MANIFEST_FILE)}.\n` +
      `Serve manifest/icons/ at ${app.deployment.baseUrl}/icons/ for Outlook's buttons.\n`,
  );
  return 0;
}

if (import.meta.main) {
  process.exitCode = await packageApp(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  });
}
