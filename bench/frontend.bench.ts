/**
 * What the pages cost a person opening them: the JavaScript the Teams tab and the Outlook panel load
 * before they can show anything (the initial chunks each HTML shell lists, gzip-compressed), and the
 * time from navigation to the first meaningful render in Chromium against the demo (the page's main
 * heading, then its data), signed in, with every request off this machine blocked.
 */

import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { launchChromium, openPage } from "../tests/browser/support/browser.ts";
import { startDemoServer } from "../tests/browser/support/demo-server.ts";
import type { BenchModule, BenchSection } from "./bench-section.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WEB_ROOT = join(ROOT, "dist", "web");
/** Tuesday 3 March 2026, 9:00 in New York: the demo tenant's calendars are laid out around it. */
const NOW = Date.parse("2026-03-03T14:00:00Z");
const DEMO_TOKEN_KEY = "fieldcoach.demoToken";

interface FirstLoad {
  readonly scripts: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
  /** Scripts from other origins (Office.js from Microsoft's CDN), not counted. */
  readonly external: readonly string[];
}

/** The scripts an HTML shell loads before anything runs, as webpack listed them, and their sizes. */
async function firstLoadOf(shell: string): Promise<FirstLoad> {
  const html = await readFile(join(WEB_ROOT, shell), "utf8");
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((match) => match[1]!);
  const local = sources.filter((src) => src.startsWith("/static/"));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of local) {
    const bytes = await readFile(join(WEB_ROOT, src.slice("/static/".length)));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { scripts: local, rawBytes, gzipBytes, external: sources.filter((src) => !src.startsWith("/")) };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Makes sure dist/web holds a production build: `scripts/build-if-stale.ts` (what `npm start` runs
 * first) builds when it is missing or older than its sources. A quick run only builds a missing one.
 */
async function ensureBuild(quick: boolean): Promise<string> {
  const present =
    (await exists(join(WEB_ROOT, "tab.html"))) && (await exists(join(WEB_ROOT, "outlook.html")));
  if (quick && present) return "dist/web as found (a quick run does not rebuild a stale build)";
  const started = performance.now();
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, "scripts", "build-if-stale.ts")],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (!(await exists(join(WEB_ROOT, "tab.html")))) {
    throw new Error(`the pages could not be built: ${stderr || stdout}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return seconds > 5
    ? `dist/web built for this run (${seconds.toFixed(0)} s)`
    : "dist/web current with the sources";
}

interface Render {
  /** Milliseconds from navigation start to the page's main heading. */
  readonly headingMs: number;
  /** Milliseconds from navigation start to the page's first data (a table, a list of meetings). */
  readonly dataMs: number;
}

interface Probe {
  readonly path: string;
  /** Text of the heading that says the page is up (not the sign-in picker, not a spinner). */
  readonly heading: string;
  /** A CSS selector for the first data the page shows. */
  readonly data: string;
}

const TAB: Probe = {
  path: "/tab",
  heading: "My team",
  data: 'table[aria-label="Coaching mix per rep"] tbody tr',
};
const PANEL: Probe = { path: "/outlook", heading: "Choose a meeting", data: 'li a[href^="#/meeting"]' };

/** Opens the page in a fresh context (empty cache, the person's demo token stored) and times its render. */
async function timeRender(
  browser: Browser,
  baseUrl: string,
  signedIn: string,
  probe: Probe,
): Promise<Render> {
  const { context, page } = await openPage(browser, { baseUrl, now: NOW });
  try {
    await context.addInitScript(
      ({ key, value, heading, data }) => {
        window.localStorage.setItem(key, value);
        const marks: { heading?: number; data?: number } = {};
        (window as unknown as { __fieldcoachRender: typeof marks }).__fieldcoachRender = marks;
        const look = () => {
          if (
            marks.heading === undefined &&
            [...document.querySelectorAll("h1, h2")].some((h) => h.textContent?.trim() === heading)
          )
            marks.heading = performance.now();
          if (marks.data === undefined && document.querySelector(data) !== null)
            marks.data = performance.now();
        };
        new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
      },
      { key: DEMO_TOKEN_KEY, value: signedIn, heading: probe.heading, data: probe.data },
    );
    await page.goto(`${baseUrl}${probe.path}`);
    await page.locator(probe.data).first().waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: probe.heading, exact: true }).first().waitFor();
    const marks = await page.evaluate(
      () =>
        (window as unknown as { __fieldcoachRender: { heading?: number; data?: number } }).__fieldcoachRender,
    );
    if (marks.heading === undefined || marks.data === undefined) {
      throw new Error(`${probe.path}: the render marks were not taken`);
    }
    return { headingMs: marks.heading, dataMs: marks.data };
  } finally {
    await context.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const bench: BenchModule = {
  key: "frontend",
  async run({ quick }): Promise<BenchSection> {
    const built = await ensureBuild(quick);
    const tab = await firstLoadOf("tab.html");
    const panel = await firstLoadOf("outlook.html");

    const runs = quick ? 2 : 5;
    const server = await startDemoServer({ webRoot: WEB_ROOT, now: NOW });
    let browser: Browser | undefined;
    try {
      const people = (await (await fetch(`${server.baseUrl}/api/demo/people`)).json()) as {
        people: { objectId: string; name: string; role: string }[];
      };
      const manager = people.people.find((person) => person.role === "manager")!;
      const signIn = (await (
        await fetch(`${server.baseUrl}/api/demo/sign-in`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ objectId: manager.objectId }),
        })
      ).json()) as { accessToken: string; expiresAt: string };
      const stored = JSON.stringify({
        accessToken: signIn.accessToken,
        expiresAt: signIn.expiresAt,
        name: manager.name,
        objectId: manager.objectId,
        admin: false,
      });
      browser = await launchChromium();
      // One load of each page first: the demo syncs the manager's calendar on first sight, which is
      // the server's first-run cost, not the page's.
      await timeRender(browser, server.baseUrl, stored, TAB);
      await timeRender(browser, server.baseUrl, stored, PANEL);
      const tabRenders: Render[] = [];
      const panelRenders: Render[] = [];
      for (let i = 0; i < runs; i++) {
        tabRenders.push(await timeRender(browser, server.baseUrl, stored, TAB));
        panelRenders.push(await timeRender(browser, server.baseUrl, stored, PANEL));
      }
      const tabHeadingMs = median(tabRenders.map((r) => r.headingMs));
      const tabDataMs = median(tabRenders.map((r) => r.dataMs));
      const panelHeadingMs = median(panelRenders.map((r) => r.headingMs));
      const panelDataMs = median(panelRenders.map((r) => r.dataMs));
      return {
        title: "Pages: first-load JavaScript and first render in Chromium",
        figures: [
          {
            name: "tab first-load JavaScript",
            value: Math.round(tab.gzipBytes / 1024),
            unit: `KB gzip (${Math.round(tab.rawBytes / 1024)} KB raw, ${tab.scripts.length} chunks)`,
            target: "< 300 KB",
          },
          {
            name: "panel first-load JavaScript",
            value: Math.round(panel.gzipBytes / 1024),
            unit: `KB gzip (${Math.round(panel.rawBytes / 1024)} KB raw, ${panel.scripts.length} chunks)`,
            target: "< 300 KB",
          },
          { name: "tab: main heading", value: Math.round(tabHeadingMs), unit: "ms from navigation" },
          {
            name: "tab: team table with data",
            value: Math.round(tabDataMs),
            unit: "ms from navigation",
            target: "< 2000 ms",
          },
          { name: "panel: main heading", value: Math.round(panelHeadingMs), unit: "ms from navigation" },
          {
            name: "panel: list of meetings",
            value: Math.round(panelDataMs),
            unit: "ms from navigation",
            target: "< 2000 ms",
          },
        ],
        report: {
          tabFirstLoadGzipBytes: tab.gzipBytes,
          tabFirstLoadRawBytes: tab.rawBytes,
          panelFirstLoadGzipBytes: panel.gzipBytes,
          panelFirstLoadRawBytes: panel.rawBytes,
          tabHeadingMs: Math.round(tabHeadingMs),
          tabRenderMs: Math.round(tabDataMs),
          panelHeadingMs: Math.round(panelHeadingMs),
          panelRenderMs: Math.round(panelDataMs),
        },
        notes: [
          `${built}. First load: the scripts tab.html and outlook.html list (webpack's initial chunks for each entry), gzip level 9; lazy page chunks come later and are not counted. ${panel.external.length > 0 ? `The panel also loads ${panel.external.join(", ")} from Microsoft's CDN, not counted.` : ""}`,
          "The server sends the chunks uncompressed (no Content-Encoding); the gzip figure is what a compressing front end would send.",
          `Render: Chromium (${quick ? "" : "median of "}${runs} loads per page, each in a fresh context with an empty cache) against demo mode in this process, signed in as ${manager.name} (manager) through the demo token in localStorage, the page clock at ${new Date(NOW).toISOString()}, every non-loopback request blocked (Office.js among them, so the panel runs standalone). Times are the page's performance.now() when a MutationObserver first saw the heading ("${TAB.heading}", "${PANEL.heading}") and the data (the rep table's first row, the first meeting link).`,
          "One load of each page runs first and is not counted: the demo syncs a manager's calendar from the simulator on first sight.",
        ],
      };
    } finally {
      await browser?.close();
      await server.close();
    }
  },
};

export default bench;
