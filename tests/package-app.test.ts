import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { resolveApp } from "../manifest/app-definition.ts";
import { buildUnifiedManifest } from "../manifest/build-unified-manifest.ts";
import { DEMO_DEPLOYMENT, type Deployment } from "../manifest/deployment.ts";
import { validateAppPackage } from "../manifest/validate-app-package.ts";
import { validateXmlManifest } from "../manifest/validate-xml-manifest.ts";
import { readZip } from "../scripts/lib/zip-read.ts";
import { writeZip } from "../scripts/lib/zip-write.ts";
import { OUTLOOK_MANIFEST_FILE, PACKAGE_FILE, type PackageIO, packageApp } from "../scripts/package-app.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ICONS = join(ROOT, "manifest", "icons");
const scratch = mkdtempSync(join(tmpdir(), "fieldcoach-package-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CONTOSO: Deployment = {
  baseUrl: "https://coach.contoso.com",
  clientId: "0d3c6a52-7a6e-4a0c-9d51-8b3f2e1c4a77",
  appId: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
};
const CONTOSO_ENV = {
  FIELDCOACH_PUBLIC_BASE_URL: CONTOSO.baseUrl,
  FIELDCOACH_CLIENT_ID: CONTOSO.clientId,
  FIELDCOACH_APP_ID: CONTOSO.appId,
};

let runs = 0;

async function run(argv: string[], env: Record<string, string> = {}) {
  const outDir = join(scratch, `run-${++runs}`);
  let stdout = "";
  let stderr = "";
  const io: PackageIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: scratch,
    env,
  };
  const status = await packageApp(["--out-dir", outDir, ...argv], io);
  return { status, stdout, stderr, outDir };
}

function unpack(outDir: string) {
  const entries = readZip(readFileSync(join(outDir, PACKAGE_FILE)));
  const manifest = JSON.parse(entries.find((entry) => entry.name === "manifest.json")!.data.toString("utf8"));
  return { entries, manifest, xml: readFileSync(join(outDir, OUTLOOK_MANIFEST_FILE), "utf8") };
}

describe("npm run package", () => {
  it("writes the demo package when no deployment is given: manifest and icons at the zip root", async () => {
    const { status, stdout, stderr, outDir } = await run([]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("demo values");
    const { entries, manifest, xml } = unpack(outDir);
    expect(entries.map((entry) => entry.name)).toEqual(["manifest.json", "color.png", "outline.png"]);
    expect(
      entries
        .find((entry) => entry.name === "color.png")!
        .data.equals(readFileSync(join(ICONS, "color.png"))),
    ).toBe(true);
    expect(
      entries
        .find((entry) => entry.name === "outline.png")!
        .data.equals(readFileSync(join(ICONS, "outline.png"))),
    ).toBe(true);
    expect(manifest).toEqual(buildUnifiedManifest(resolveApp(DEMO_DEPLOYMENT)));
    expect(validateXmlManifest(xml, resolveApp(DEMO_DEPLOYMENT))).toEqual([]);
  });

  it("takes the deployment from the environment", async () => {
    const { status, outDir } = await run([], CONTOSO_ENV);
    expect(status).toBe(0);
    const { manifest, xml } = unpack(outDir);
    expect(manifest.id).toBe(CONTOSO.appId);
    expect(manifest.staticTabs[0].contentUrl).toBe("https://coach.contoso.com/tab");
    expect(manifest.webApplicationInfo).toEqual({
      id: CONTOSO.clientId,
      resource: `api://coach.contoso.com/${CONTOSO.clientId}`,
    });
    expect(validateXmlManifest(xml, resolveApp(CONTOSO))).toEqual([]);
    expect(await validateAppPackage(readFileSync(join(outDir, PACKAGE_FILE)), resolveApp(CONTOSO))).toEqual(
      [],
    );
  });

  it("lets flags override the environment, and normalises the base URL and GUIDs", async () => {
    const { status, outDir } = await run(
      [
        "--base-url",
        "https://fieldcoach.fabrikam.com/coach/",
        "--app-id",
        "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE",
      ],
      CONTOSO_ENV,
    );
    expect(status).toBe(0);
    const { manifest } = unpack(outDir);
    expect(manifest.id).toBe("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
    expect(manifest.webApplicationInfo.id).toBe(CONTOSO.clientId);
    expect(manifest.configurableTabs[0].configurationUrl).toBe(
      "https://fieldcoach.fabrikam.com/coach/tab/config",
    );
    expect(manifest.validDomains).toEqual(["fieldcoach.fabrikam.com"]);
  });

  it.each<[string, string[], Record<string, string>, RegExp]>([
    ["an unknown flag", ["--base", "https://x.example"], {}, /^Unknown option --base; package-app takes/],
    ["a flag without its value", ["--client-id"], {}, /^Option --client-id needs a value;/],
    ["a stray argument", ["production"], {}, /^Unexpected argument "production";/],
    [
      "an http base URL",
      ["--base-url", "http://coach.contoso.com"],
      CONTOSO_ENV,
      /^--base-url must use https/,
    ],
    [
      "a base URL with a query",
      [],
      { ...CONTOSO_ENV, FIELDCOACH_PUBLIC_BASE_URL: "https://a.example/?x=1" },
      /^FIELDCOACH_PUBLIC_BASE_URL must not carry/,
    ],
    [
      "a client id that is no GUID",
      ["--client-id", "fieldcoach"],
      CONTOSO_ENV,
      /^--client-id must be a GUID/,
    ],
    [
      "an app id that is no GUID",
      [],
      { ...CONTOSO_ENV, FIELDCOACH_APP_ID: "123" },
      /^FIELDCOACH_APP_ID must be a GUID/,
    ],
    [
      "only some of the three settings",
      ["--base-url", "https://coach.contoso.com"],
      {},
      /^--client-id \(or FIELDCOACH_CLIENT_ID\) is missing/,
    ],
  ])(
    "refuses %s with exit 2, one sentence on stderr, nothing on stdout and nothing written",
    async (_, argv, env, message) => {
      const { status, stdout, stderr, outDir } = await run(argv, env);
      expect(status).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr).toMatch(/^[^\n]+\.\n$/);
      expect(existsSync(outDir)).toBe(false);
    },
  );

  it("runs as `node scripts/package-app.ts` with no bundle in dist/", () => {
    const outDir = join(scratch, "child");
    const ok = spawnSync(process.execPath, ["scripts/package-app.ts", "--out-dir", outDir], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH },
    });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(unpack(outDir).entries).toHaveLength(3);
    const bad = spawnSync(process.execPath, ["scripts/package-app.ts", "--nope"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/^Unknown option --nope; [^\n]+\.\n$/);
  });
});

describe("the app package check", () => {
  const app = resolveApp(DEMO_DEPLOYMENT);
  const manifest = Buffer.from(JSON.stringify(buildUnifiedManifest(app)));
  const color = readFileSync(join(ICONS, "color.png"));
  const outline = readFileSync(join(ICONS, "outline.png"));

  it("accepts the manifest with its two icons", async () => {
    const zip = writeZip([
      { name: "manifest.json", data: manifest },
      { name: "color.png", data: color },
      { name: "outline.png", data: outline },
    ]);
    expect(await validateAppPackage(zip, app)).toEqual([]);
  });

  it("rejects a package with a missing icon, a stray file and icons in a folder", async () => {
    const zip = writeZip([
      { name: "manifest.json", data: manifest },
      { name: "icons/color.png", data: color },
      { name: "notes.txt", data: Buffer.from("x") },
    ]);
    expect(await validateAppPackage(zip, app)).toEqual([
      'package: "icons/color.png" does not belong in it.',
      'package: "notes.txt" does not belong in it.',
      'package: "color.png" is missing from its root.',
      'package: "outline.png" is missing from its root.',
    ]);
  });

  it("rejects icons swapped for each other and a manifest pointing outside the base URL", async () => {
    const foreign = JSON.parse(manifest.toString());
    foreign.developer.websiteUrl = "https://fieldcoach.example.org/";
    const zip = writeZip([
      { name: "manifest.json", data: Buffer.from(JSON.stringify(foreign)) },
      { name: "color.png", data: outline },
      { name: "outline.png", data: color },
    ]);
    const problems = await validateAppPackage(zip, app);
    expect(problems).toContain(
      "manifest.json $.developer.websiteUrl: https://fieldcoach.example.org/ is outside the base URL https://localhost:3000.",
    );
    expect(problems).toContain("color.png: is 32x32 px; 192x192 px expected.");
    expect(problems).toContain("outline.png: is 192x192 px; 32x32 px expected.");
  });

  it("rejects a file that is not a zip", async () => {
    expect(await validateAppPackage(Buffer.from("{}"), app)).toEqual([
      "package: The file is too short to be a ZIP archive.",
    ]);
  });
});
