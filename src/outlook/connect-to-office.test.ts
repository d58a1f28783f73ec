import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectToOffice } from "./connect-to-office.ts";
import { fakeMailbox, readItem } from "./office-test-fakes.ts";
import type { OfficeApi, OfficeContext } from "./office-types.ts";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A browser window as far as the panel's start looks at it: Office (or none) and media queries. */
function fakeWindow(options: {
  readonly office?: unknown;
  readonly systemDark?: boolean;
  readonly forcedColors?: boolean;
}) {
  const matchMedia = (query: string) => ({
    matches: query.includes("forced-colors") ? options.forcedColors === true : options.systemDark === true,
  });
  return { Office: options.office, matchMedia } as unknown as Window;
}

type Handler = (event: unknown) => void;

function fakeOffice(
  ready: Promise<{ host: string | null; platform: string | null }>,
  context: Partial<OfficeContext> = {},
): OfficeApi & { readonly handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  const mailbox = {
    ...fakeMailbox(readItem()),
    addHandlerAsync: (eventType: string, handler: Handler) => void handlers.set(eventType, handler),
  };
  return {
    onReady: () => ready,
    context: {
      mailbox,
      displayLanguage: "de-DE",
      requirements: { isSetSupported: (name, version) => name === "Mailbox" && version === "1.14" },
      ...context,
    },
    auth: { getAccessToken: () => Promise.resolve("office-sso-token") },
    handlers,
  };
}

describe("connectToOffice", () => {
  it("runs standalone at once when Office.js did not load", async () => {
    await expect(connectToOffice(fakeWindow({}))).resolves.toBeUndefined();
    await expect(connectToOffice(fakeWindow({ office: { version: "broken" } }))).resolves.toBeUndefined();
  });

  it("runs standalone when Office.js says no Office application hosts the page", async () => {
    const office = fakeOffice(Promise.resolve({ host: null, platform: null }));
    await expect(connectToOffice(fakeWindow({ office }))).resolves.toBeUndefined();
  });

  it("stops waiting for an onReady that never answers", async () => {
    const office = fakeOffice(new Promise(() => {}));
    const connecting = connectToOffice(fakeWindow({ office }), 1_500);
    await vi.advanceTimersByTimeAsync(1_499);
    let settled = false;
    void connecting.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(connecting).resolves.toBeUndefined();
  });

  it("describes Outlook: its language, its theme from the body colour, its sign-in and the open meeting", async () => {
    const office = fakeOffice(Promise.resolve({ host: "Outlook", platform: "OfficeOnline" }), {
      officeTheme: { bodyBackgroundColor: "#1f1f1f" },
    });
    const connection = await connectToOffice(fakeWindow({ office }));
    expect(connection?.host).toMatchObject({
      kind: "outlook",
      locale: "de-DE",
      theme: "dark",
      loginHint: "mia@contoso.com",
      nestedAppAuth: false,
    });
    await expect(connection?.host.hostToken?.(true)).resolves.toBe("office-sso-token");
    await expect(connection?.appointments.read()).resolves.toMatchObject({ opened: "attendee" });
  });

  it("follows Outlook's theme changes and stops when unsubscribed", async () => {
    const office = fakeOffice(Promise.resolve({ host: "Outlook", platform: "PC" }), {
      officeTheme: { bodyBackgroundColor: "#ffffff" },
    });
    const connection = await connectToOffice(fakeWindow({ office }));
    expect(connection?.host.theme).toBe("light");
    const seen: string[] = [];
    const stop = connection?.host.onThemeChange((theme) => seen.push(theme));
    office.handlers.get("officeThemeChanged")?.({ officeTheme: { bodyBackgroundColor: "#292929" } });
    stop?.();
    office.handlers.get("officeThemeChanged")?.({ officeTheme: { bodyBackgroundColor: "#ffffff" } });
    expect(seen).toEqual(["dark"]);
  });

  it("falls back to the system's look before Mailbox 1.14 and honours forced colours", async () => {
    const office = fakeOffice(Promise.resolve({ host: "Outlook", platform: "Mac" }), {
      requirements: { isSetSupported: (name) => name === "NestedAppAuth" },
    });
    const dark = await connectToOffice(fakeWindow({ office, systemDark: true }));
    expect(dark?.host).toMatchObject({ theme: "dark", nestedAppAuth: true });
    expect(dark?.host.onThemeChange(() => {})).toBeTypeOf("function");
    expect(office.handlers.size).toBe(0);
    const contrast = await connectToOffice(fakeWindow({ office, forcedColors: true }));
    expect(contrast?.host.theme).toBe("contrast");
  });
});
