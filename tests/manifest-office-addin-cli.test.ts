import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveApp } from "../manifest/app-definition.ts";
import { buildUnifiedManifest } from "../manifest/build-unified-manifest.ts";
import { buildXmlManifest } from "../manifest/build-xml-manifest.ts";
import { DEMO_DEPLOYMENT } from "../manifest/deployment.ts";

const CLI = join(
  dirname(createRequire(import.meta.url).resolve("office-addin-manifest/package.json")),
  "cli.js",
);

// Loaded before the CLI: any socket, DNS lookup or fetch ends the process with a marker, so a
// test passes only if validation never reaches for the network.
const NO_NETWORK = `data:text/javascript,${encodeURIComponent(`
import net from "node:net";
import dns from "node:dns";
const stop = (what) => { process.stderr.write("NETWORK ATTEMPT: " + what + "\\n"); process.exit(97); };
net.Socket.prototype.connect = function () { stop("socket"); };
dns.lookup = () => stop("dns");
globalThis.fetch = async (url) => stop("fetch " + url);
`)}`;

const workDir = mkdtempSync(join(tmpdir(), "fieldcoach-addin-cli-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function runOffline(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ["--import", NO_NETWORK, ...args], {
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function writeManifest(name: string, manifest: unknown): string {
  const path = join(workDir, name);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return path;
}

describe("office-addin-manifest validate on the unified manifest", () => {
  const manifest = buildUnifiedManifest(resolveApp(DEMO_DEPLOYMENT));

  it("accepts the generated manifest without touching the network", () => {
    const { status, output } = runOffline([CLI, "validate", writeManifest("manifest.json", manifest)]);
    expect(output).not.toContain("NETWORK ATTEMPT");
    expect(output).not.toMatch(/not valid|Error/);
    expect(status).toBe(0);
  });

  it("rejects a broken manifest, still offline", () => {
    const broken = structuredClone(manifest);
    broken.configurableTabs!.push({ ...broken.configurableTabs![0]!, id: "second" });
    broken.staticTabs![0]!.contentUrl = "ftp://localhost:3000/tab";
    const { status, output } = runOffline([CLI, "validate", writeManifest("broken.json", broken)]);
    expect(output).not.toContain("NETWORK ATTEMPT");
    expect(output).toContain("/configurableTabs must NOT have more than 1 items");
    expect(output).toContain("/staticTabs/0/contentUrl must match pattern");
    expect(status).toBe(1);
  });

  it("runs under a guard that does catch network use", () => {
    const probe = runOffline([
      "--input-type=module",
      "-e",
      "await fetch('https://developer.microsoft.com/')",
    ]);
    expect(probe.output).toContain("NETWORK ATTEMPT: fetch https://developer.microsoft.com/");
    const socket = runOffline(["-e", "require('node:https').get('https://developer.microsoft.com/')"]);
    expect(socket.output).toContain("NETWORK ATTEMPT");
    expect(socket.status).toBe(97);
  });
});

describe("office-addin-manifest validate on the add-in only (XML) manifest", () => {
  it("needs Microsoft's online service, which is why tests check the XML with manifest/validate-xml-manifest.ts", () => {
    const path = join(workDir, "outlook-manifest.xml");
    writeFileSync(path, buildXmlManifest(resolveApp(DEMO_DEPLOYMENT)));
    const { status, output } = runOffline([CLI, "validate", path]);
    expect(output).toContain("NETWORK ATTEMPT");
    expect(status).toBe(97);
  });
});
