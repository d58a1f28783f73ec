/**
 * Script and HTML in every text FieldCoach shows, for the page tests in Chromium: a tenant whose people,
 * job titles and meetings (subjects, bodies, organizer and attendee names, as Graph hands them over)
 * carry markup, and coaching records written through the API with markup in every free-text field. Each
 * payload would announce itself three ways if it ever became markup: an alert, an element marked
 * `data-xss`, and a Content-Security-Policy violation.
 */

import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { SimTenant } from "../../../src/graph-sim/tenant-data.ts";
import { launchChromium, openPage } from "../../browser/support/browser.ts";
import { buildPages } from "../../browser/support/build-pages.ts";
import { NOW, type OrgTenant, orgTenant } from "../../server/org-tenant.ts";
import { type CallOptions, type HostileWorld, startHostileWorld, TWIN_TENANT_ID } from "./hostile-world.ts";

/** Text that is markup in any HTML sink: an image whose error handler alerts, and a marked element. */
export function markup(label: string): string {
  return `${label} <img data-xss src=x onerror="alert('${label}')"><b data-xss>!</b>`;
}

/** The org tenant of the server tests with markup in every name and meeting text Graph serves. */
function withMarkup(tenant: SimTenant): SimTenant {
  const names = new Map(tenant.users.map((user) => [user.mail, markup(user.displayName)]));
  const nameOf = (email: string, name: string) => names.get(email) ?? markup(name);
  return {
    ...tenant,
    users: tenant.users.map((user) => ({
      ...user,
      displayName: names.get(user.mail)!,
      jobTitle: markup(`Title of ${user.displayName}`),
    })),
    meetings: tenant.meetings.map((meeting, index) => ({
      ...meeting,
      subject: markup(`Subject ${index}`),
      body: `<script data-xss>alert('Body ${index}')</script>${markup(`Body ${index}`)}`,
      organizerName: nameOf(meeting.organizer, meeting.organizerName),
      attendees: meeting.attendees.map((attendee) => ({
        ...attendee,
        name: nameOf(attendee.email, attendee.name),
      })),
    })),
  };
}

/** Free text written through the API, by field. */
export const WRITTEN = {
  evidence: markup("Evidence"),
  wentWell: markup("Went well"),
  gaps: markup("Gaps"),
  privateNotes: markup("Private"),
  action: markup("Action"),
  reflection: markup("Reflection"),
  comment: markup("Comment"),
  goal: markup("Goal"),
  override: markup("Override"),
  behaviourName: markup("Behaviour"),
  behaviourDescription: markup("Described"),
} as const;

/** Texts the pages never show: FieldCoach keeps no subject or body. */
export const NEVER_SHOWN = ["Subject 0", "Subject 1", "Subject 2", "Subject 3", "Body 0", "Body 3"] as const;

export interface MarkupWorld {
  readonly hostile: HostileWorld;
  readonly org: OrgTenant;
  /** The note on Ben, signed off with a reflection and a review comment. */
  readonly noteId: string;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** The hostile world with markup everywhere, listening on loopback and serving the pages in `webRoot`. */
export async function startMarkupWorld(webRoot: string): Promise<MarkupWorld> {
  const org = orgTenant();
  const hostile = await startHostileWorld({
    webRoot,
    tenants: [withMarkup(org.tenant), orgTenant(TWIN_TENANT_ID, "").tenant],
  });
  const as = (user: OrgTenant["mia"], method: "POST" | "PUT", url: string, options: CallOptions = {}) =>
    hostile.as(org, user, method, url, options).then((response) => {
      if (response.statusCode >= 300) throw new Error(`${method} ${url} answered ${response.body}`);
      return response.json();
    });
  const noteId = hostile.records.draftId;
  await as(org.ida, "PUT", "/api/settings/behaviours", {
    admin: true,
    body: {
      behaviours: [
        { id: "plans-the-call", name: WRITTEN.behaviourName, description: WRITTEN.behaviourDescription },
      ],
    },
  });
  await as(org.mia, "PUT", `/api/notes/${noteId}`, {
    headers: { "if-match": "1" },
    body: {
      focus: [{ behaviourId: "plans-the-call", rating: 2, evidence: WRITTEN.evidence }],
      wentWell: WRITTEN.wentWell,
      gaps: WRITTEN.gaps,
      privateNotes: WRITTEN.privateNotes,
      actions: [{ id: randomUUID(), text: WRITTEN.action, owner: "rep", due: "2026-03-20" }],
    },
  });
  const shared = await as(org.mia, "POST", `/api/notes/${noteId}/share`);
  await as(org.ben, "PUT", `/api/notes/${noteId}/reflection`, {
    headers: { "if-match": String(shared.version) },
    body: { reflection: WRITTEN.reflection },
  });
  await as(org.mia, "POST", `/api/notes/${noteId}/sign-off`);
  await as(org.vera, "POST", `/api/reports/${noteId}/comments`, {
    body: { id: randomUUID(), body: WRITTEN.comment, debrief: true },
  });
  await as(org.mia, "PUT", `/api/reps/${org.ana.mail}/plan`, {
    headers: { "if-match": "1" },
    body: {
      focus: [{ behaviourId: "plans-the-call", targetRating: 4 }],
      goals: [{ id: hostile.records.goalId, text: WRITTEN.goal, due: "2026-04-30", status: "open" }],
      cadenceOverride: null,
    },
  });
  await as(org.mia, "PUT", `/api/events/${encodeURIComponent(org.meetings.oneOnOne)}/override`, {
    body: { initiator: "manager", kind: "one-on-one", reason: WRITTEN.override },
  });
  const baseUrl = await hostile.world.app.listen({ port: 0, host: "127.0.0.1" });
  return { hostile, org, noteId, baseUrl, close: () => hostile.close() };
}

export interface MarkupPages {
  readonly world: MarkupWorld;
  readonly browser: Browser;
}

/** Builds the page, starts the markup world serving it and Chromium before the file's tests; stops both after. */
export function markupPagesOfFile(page: "tab" | "outlook"): () => MarkupPages {
  let started: MarkupPages | undefined;
  let world: MarkupWorld | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    world = await startMarkupWorld(await buildPages([page]));
    browser = await launchChromium();
    started = { world, browser };
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });
  return () => {
    if (started === undefined) throw new Error("the markup world is not started yet");
    return started;
  };
}

/** What one page showed and whether anything in it became markup. */
export interface PageInspection {
  readonly path: string;
  /** Everything the page shows as text or holds in its form fields. */
  readonly shown: string;
  /** Elements carrying `data-xss`: markup that reached the DOM. */
  readonly injected: number;
  readonly dialogs: readonly string[];
  /** Content-Security-Policy violations: an inline handler or script the policy had to stop. */
  readonly violations: readonly string[];
}

/**
 * Opens `path` in a fresh context, signed in as the person when one is named (the token is put where
 * the demo picker puts it), waits until the page is done loading and reports what it shows.
 */
export async function inspectPage(
  browser: Browser,
  world: MarkupWorld,
  path: string,
  person?: { readonly user: OrgTenant["mia"]; readonly admin?: boolean },
  viewport?: { readonly width: number; readonly height: number },
): Promise<PageInspection> {
  const { context, page } = await openPage(browser, {
    baseUrl: world.baseUrl,
    now: NOW,
    ...(viewport === undefined ? {} : { viewport }),
  });
  try {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.sample}`),
      );
    });
    if (person !== undefined) {
      const accessToken = await world.hostile.world.tokenFor(person.user, {
        admin: person.admin === true,
        tenantId: world.org.tenant.tenantId,
      });
      const stored = {
        accessToken,
        expiresAt: new Date(NOW + 3_600_000).toISOString(),
        name: markup(person.user.displayName),
        objectId: person.user.id,
        admin: person.admin === true,
      };
      await page.addInitScript(
        (value) => localStorage.setItem("fieldcoach.demoToken", value),
        JSON.stringify(stored),
      );
    }
    await page.goto(`${world.baseUrl}${path}`, { waitUntil: "networkidle" });
    await settle(page);
    const seen = await page.evaluate(() => ({
      shown: [
        document.title,
        document.body.innerText,
        ...[...document.querySelectorAll("textarea, input")].map(
          (field) => (field as HTMLTextAreaElement | HTMLInputElement).value,
        ),
      ].join("\n"),
      injected: document.querySelectorAll("[data-xss]").length,
      violations: (window as unknown as { cspViolations: string[] }).cspViolations,
    }));
    return { path, dialogs, ...seen };
  } finally {
    await context.close();
  }
}

/** Waits until the page has drawn its heading and no request is in flight any more. */
async function settle(page: Page): Promise<void> {
  await page.locator("h1, h2").first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState("networkidle");
}

/** Nothing became markup: no alert, no marked element, no policy violation, no subject or body shown. */
export function expectInert(inspection: PageInspection): void {
  expect({
    path: inspection.path,
    dialogs: inspection.dialogs,
    injected: inspection.injected,
    violations: inspection.violations,
  }).toEqual({ path: inspection.path, dialogs: [], injected: 0, violations: [] });
  for (const text of NEVER_SHOWN) expect(inspection.shown).not.toContain(text);
}

/** The fields of `expected` whose text no inspected page showed as the characters it is. */
export function notShownLiterally(
  inspections: readonly PageInspection[],
  expected: Readonly<Record<string, string>>,
): string[] {
  const shown = inspections.map((inspection) => inspection.shown).join("\n");
  return Object.entries(expected)
    .filter(([, text]) => !shown.includes(text))
    .map(([field]) => field);
}
