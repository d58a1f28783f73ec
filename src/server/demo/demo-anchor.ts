/**
 * The demo tenant is generated from a seed and an anchor Monday. Both are written to the data folder at
 * the first start, so every later start (and everything stored in between) sees the same people and
 * the same calendars, however much later it is.
 */

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { isMondayDate } from "../../demo-tenant/generate-demo-tenant.ts";
import type { Instant } from "../../domain/instant.ts";

export interface DemoSeed {
  readonly seed: number;
  /** YYYY-MM-DD, a Monday. */
  readonly anchor: string;
}

export const DEMO_SEED_FILE = "demo-tenant.json";
const DEFAULT_SEED = 1;

const demoSeedFile = z.object({
  seed: z.number().int().min(0).max(4_294_967_295),
  anchor: z.string().refine(isMondayDate, "must be a Monday written YYYY-MM-DD"),
});

/** Reads the seed and anchor kept in `dataDir`, or writes new ones: this week's Monday (UTC) at `now`. */
export async function demoSeedOf(dataDir: string, now: Instant): Promise<DemoSeed> {
  const path = join(dataDir, DEMO_SEED_FILE);
  let text: string | undefined;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
  }
  if (text !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${path} is not valid JSON; start with --fresh to make a new demo tenant.`);
    }
    const parsed = demoSeedFile.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(
        `${path}: ${issue.path.join(".") || "the file"} ${issue.message}; start with --fresh to make a new demo tenant.`,
      );
    }
    return parsed.data;
  }
  const seed: DemoSeed = { seed: DEFAULT_SEED, anchor: mondayOf(now) };
  await writeFile(path, `${JSON.stringify(seed, null, 2)}\n`, { flag: "wx" });
  return seed;
}

function mondayOf(now: Instant): string {
  const date = new Date(now);
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - daysSinceMonday))
    .toISOString()
    .slice(0, 10);
}
