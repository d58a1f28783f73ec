import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Chromium from Debian, as PLATFORM.md describes: `apt-get install chromium` puts it here. */
export const CHROMIUM = "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface PageOptions {
  readonly baseUrl: string;
  /** The instant the page's clock shows (the demo server's pinned `now`). */
  readonly now: number;
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly locale?: string;
  readonly timeZoneId?: string;
  readonly colorScheme?: "light" | "dark";
}

/**
 * A fresh browser context (its own storage: one person signed in) whose requests may reach only the demo
 * server: anything else (TeamsJS's valid-domains list, Office.js) is aborted, so nothing leaves the
 * machine. The page's clock is fixed at `now`; timers still run.
 */
export async function openPage(
  browser: Browser,
  options: PageOptions,
): Promise<{ readonly context: BrowserContext; readonly page: Page; readonly blocked: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? "en-US",
    timezoneId: options.timeZoneId ?? "America/New_York",
    colorScheme: options.colorScheme ?? "light",
    reducedMotion: "reduce",
  });
  const origin = new URL(options.baseUrl).origin;
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:"))
      return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(options.now);
  return { context, page, blocked };
}
