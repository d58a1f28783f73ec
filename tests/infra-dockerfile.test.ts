// No Docker engine runs here, so the image definition is checked as text: its stages, what the final
// stage installs and copies, the user it runs as, its health check, and that what it copies exists and
// is enough for the server to start.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, matchesGlob, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/load-config.ts";

const ROOT = resolve(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/** Where webpack writes the pages, from its own configuration (a JavaScript module without types). */
async function webpackOutputPath(): Promise<string> {
  const module: unknown = await import(pathToFileURL(join(ROOT, "webpack.config.js")).href);
  const configure = (module as { default: (env: object, argv: object) => { output: { path: string } } })
    .default;
  return configure({}, { mode: "production" }).output.path;
}

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

interface Stage {
  readonly base: string;
  readonly name: string | undefined;
  readonly instructions: readonly Instruction[];
}

/** Splits a Dockerfile into stages of instructions, joining continued lines and dropping comments. */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = "";
  for (const line of text.split("\n")) {
    if (/^\s*#/.test(line)) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = `${pending}${line}`.trim();
    pending = "";
    if (whole !== "") logical.push(whole);
  }
  const stages: { base: string; name: string | undefined; instructions: Instruction[] }[] = [];
  for (const line of logical) {
    const [, keyword = "", args = ""] = /^(\S+)\s+(.*)$/s.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const [, base = "", name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ base, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** The JSON (exec) form of CMD or HEALTHCHECK CMD as a list of words. */
function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((word) => typeof word === "string")) {
    throw new Error(`expected the exec form, got ${args}`);
  }
  return parsed;
}

/** Whether .dockerignore keeps a path out of the build context (the last matching pattern decides). */
function isIgnored(path: string, patterns: readonly string[]): boolean {
  const segments = path.replace(/\/+$/, "").split("/");
  let ignored = false;
  for (let depth = 1; depth <= segments.length; depth += 1) {
    const prefix = segments.slice(0, depth).join("/");
    for (const pattern of patterns) {
      const negated = pattern.startsWith("!");
      if (matchesGlob(prefix, negated ? pattern.slice(1) : pattern)) ignored = !negated;
    }
  }
  return ignored;
}

function filesUnder(path: string): string[] {
  return readdirSync(join(ROOT, path)).flatMap((name) => {
    const child = `${path}/${name}`;
    return statSync(join(ROOT, child)).isDirectory() ? filesUnder(child) : [child];
  });
}

const IMPORT =
  /^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;

/** Files and packages the server reaches at run time through value imports, from every file in src/server. */
function serverImportClosure(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = filesUnder("src/server").filter(
    (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file),
  );
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const match of read(file).matchAll(IMPORT)) {
      if (match[1] !== undefined) continue;
      const specifier = match[2] ?? match[3] ?? match[4] ?? "";
      if (specifier.startsWith(".")) queue.push(relative(ROOT, resolve(ROOT, dirname(file), specifier)));
      else if (!specifier.startsWith("node:")) {
        const parts = specifier.split("/");
        packages.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? ""));
      }
    }
  }
  return { files, packages };
}

const stages = parseDockerfile(read("infra/Dockerfile"));
const build = stages[0]!;
const runtime = stages.at(-1)!;
const ofKind = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const dockerignore = read(".dockerignore")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));
const packageJson = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
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

describe("infra/Dockerfile", () => {
  it("builds in one stage and runs from a second, both on Node 24 slim", () => {
    expect(stages).toHaveLength(2);
    for (const stage of stages) expect(stage.base).toMatch(/^node:24(\.\d+)*-\w+-slim$/);
    expect(build.name).toBe("build");
  });

  it("builds the pages with the full install and copies only their output into the final stage", async () => {
    expect(ofKind(build, "RUN").map((run) => run.args)).toEqual([
      "npm ci --no-audit --no-fund",
      "npm run build",
    ]);
    const pagesDir = relative(ROOT, await webpackOutputPath());
    expect(ofKind(runtime, "COPY").filter((copy) => copy.args.startsWith("--from="))).toEqual([
      { keyword: "COPY", args: `--from=build /app/${pagesDir} ${pagesDir}` },
    ]);
  });

  it("installs only production dependencies in the final stage", () => {
    const runs = ofKind(runtime, "RUN").map((run) => run.args);
    expect(runs).toHaveLength(1);
    const npmCommands = runs[0]!.split("&&").map((command) => command.trim());
    expect(npmCommands[0]).toMatch(/^npm ci --omit=dev(\s|$)/);
    expect(npmCommands.slice(1)).toEqual(["npm cache clean --force"]);
  });

  it("runs as the unprivileged node user", () => {
    const users = ofKind(runtime, "USER").map((user) => user.args);
    expect(users).toEqual(["node"]);
    const userAt = runtime.instructions.findIndex((i) => i.keyword === "USER");
    const lastRunAt = runtime.instructions.findLastIndex((i) => i.keyword === "RUN");
    expect(userAt).toBeGreaterThan(lastRunAt);
  });

  it("exposes the port the server listens on by default and checks /healthz there with Node's fetch", () => {
    expect(ofKind(runtime, "EXPOSE").map((expose) => expose.args)).toEqual([String(tenantDefaults.port)]);
    const [healthcheck] = ofKind(runtime, "HEALTHCHECK");
    const [, options = "", command = ""] = /^(.*?)\s*CMD\s+(\[.*\])$/.exec(healthcheck!.args) ?? [];
    expect(options).toMatch(/--interval=\d+s/);
    const words = execForm(command);
    expect(words.slice(0, 2)).toEqual(["node", "-e"]);
    expect(words[2]).toContain(`http://127.0.0.1:\${process.env.PORT || ${tenantDefaults.port}}/healthz`);
  });

  it("starts the server the way `npm start` does, without npm in between", () => {
    const [cmd] = ofKind(runtime, "CMD");
    expect(execForm(cmd!.args).join(" ")).toBe(packageJson.scripts.start);
  });

  it("selects tenant mode, so a container without tenant settings fails instead of serving the demo", () => {
    expect(ofKind(runtime, "ENV").map((env) => env.args)).toEqual(["FIELDCOACH_MODE=tenant"]);
  });

  it("copies only paths that exist and that .dockerignore lets into the build context", () => {
    const sources = stages.flatMap((stage) =>
      ofKind(stage, "COPY")
        .filter((copy) => !copy.args.startsWith("--from="))
        .flatMap((copy) => copy.args.split(/\s+/).slice(0, -1))
        .filter((source) => source !== "."),
    );
    expect(sources).toEqual([
      "package.json",
      "package-lock.json",
      "package.json",
      "package-lock.json",
      "src/",
      "manifest/",
    ]);
    for (const source of sources) {
      expect(existsSync(join(ROOT, source)), source).toBe(true);
      expect(isIgnored(source, dockerignore), source).toBe(false);
    }
    for (const needed of [
      "webpack.config.js",
      "tsconfig.json",
      "src/teams/main.tsx",
      "src/outlook/main.tsx",
    ]) {
      expect(isIgnored(needed, dockerignore), needed).toBe(false);
    }
  });

  it("keeps installed modules, builds, local data, tests and environment files out of the context", () => {
    for (const path of [
      "node_modules/zod/package.json",
      "dist/web/tab.html",
      ".data/demo/x",
      ".git/HEAD",
      "env/.env.dev",
      ".env",
      "tests/fixtures/x.json",
      "src/config/load-config.test.ts",
    ]) {
      expect(isIgnored(path, dockerignore), path).toBe(true);
    }
  });

  it("copies every file the server imports, and the server imports only production dependencies", () => {
    const { files, packages } = serverImportClosure();
    const copied = ["src/", "manifest/", "package.json"];
    for (const file of files) {
      expect(
        copied.some((path) => file === path || file.startsWith(path)),
        file,
      ).toBe(true);
      expect(isIgnored(file, dockerignore), file).toBe(false);
    }
    for (const name of packages) expect(packageJson.dependencies, name).toHaveProperty([name]);
  });
});
