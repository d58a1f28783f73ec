import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** What the pages are built from: a change in any of these means building again. */
const INPUTS = ["src/ui", "src/teams", "src/outlook", "src/api", "webpack.config.js", "package-lock.json"];
const LOCK_STALE_MS = 10 * 60_000;

/**
 * The production build of the named pages (webpack's entries: "tab", "outlook"), in a folder the demo
 * server can serve as its web root. Built once per change of the sources: test files running at the
 * same time wait for one build instead of each starting their own, and `dist/web` is left alone.
 */
export async function buildPages(pages: readonly string[]): Promise<string> {
  const fingerprint = await fingerprintOf(pages);
  const cache = join(
    tmpdir(),
    `fieldcoach-pages-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}`,
  );
  const out = join(cache, [...pages].sort().join("+"));
  const marker = join(out, "fingerprint.txt");
  if ((await readText(marker)) === fingerprint) return out;

  await mkdir(cache, { recursive: true });
  const lock = `${out}.lock`;
  await acquire(lock);
  try {
    if ((await readText(marker)) === fingerprint) return out;
    const building = `${out}.building`;
    await rm(building, { recursive: true, force: true });
    await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
        "--mode",
        "production",
        "--env",
        `pages=${pages.join(",")}`,
        "--env",
        `outDir=${building}`,
      ],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    await writeFile(join(building, "fingerprint.txt"), fingerprint);
    await rm(out, { recursive: true, force: true });
    await rename(building, out);
    return out;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Every input file's path, size and modification time, hashed. */
async function fingerprintOf(pages: readonly string[]): Promise<string> {
  const hash = createHash("sha256").update(pages.join(","));
  for (const input of INPUTS) {
    for (const file of await filesUnder(join(ROOT, input))) {
      const info = await stat(file);
      hash.update(`${relative(ROOT, file)}:${info.size}:${info.mtimeMs}\n`);
    }
  }
  return hash.digest("hex");
}

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return [];
  if (info.isFile()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => filesUnder(join(path, entry.name))));
  return nested.flat().sort();
}

/** A directory as a lock: mkdir either creates it or fails, atomically; a lock left by a crash expires. */
async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      await mkdir(lock);
      return;
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
      else await new Promise((done) => setTimeout(done, 500));
    }
  }
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, "utf8").catch(() => undefined);
}
