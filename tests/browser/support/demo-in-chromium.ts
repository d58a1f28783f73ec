import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.ts";
import { buildPages } from "./build-pages.ts";
import { type DemoServer, startDemoServer } from "./demo-server.ts";

export interface DemoInChromium {
  readonly server: DemoServer;
  readonly browser: Browser;
}

/**
 * For one test file: the named pages built, the demo served with its clock pinned at `now`, and
 * Chromium, started before the file's tests and closed after them.
 */
export function demoInChromium(pages: readonly string[], now: number): DemoInChromium {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const webRoot = await buildPages(pages);
    server = await startDemoServer({ webRoot, now });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (server === undefined) throw new Error("The demo server starts before the tests");
      return server;
    },
    get browser() {
      if (browser === undefined) throw new Error("Chromium starts before the tests");
      return browser;
    },
  };
}
