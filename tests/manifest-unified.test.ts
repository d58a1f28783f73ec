import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ACTIVITY_TYPES, MANIFEST_SCHEMA_URL, resolveApp } from "../manifest/app-definition.ts";
import { buildUnifiedManifest, OPEN_PANE_ACTION } from "../manifest/build-unified-manifest.ts";
import { DEMO_DEPLOYMENT, type Deployment } from "../manifest/deployment.ts";
import { isUnderBase } from "../manifest/url-rules.ts";
import { validateUnifiedManifest } from "../manifest/validate-unified-manifest.ts";

const CONTOSO: Deployment = {
  baseUrl: "https://coach.contoso.com/fieldcoach",
  clientId: "0d3c6a52-7a6e-4a0c-9d51-8b3f2e1c4a77",
  appId: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
};

function urlsIn(value: unknown, path = "$"): Array<[string, string]> {
  if (typeof value === "string") return /^https?:\/\//.test(value) ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => urlsIn(item, `${path}[${i}]`));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => urlsIn(item, `${path}.${key}`));
  }
  return [];
}

type Key = string | number;
type Edit = readonly ["set", Key[], unknown] | readonly ["delete", Key[]] | readonly ["push", Key[], unknown];

/** A deep copy with edits applied at JSON paths, to break one thing at a time. */
function edited(value: unknown, ...edits: Edit[]): unknown {
  const copy = structuredClone(value);
  for (const [op, path, newValue] of edits) {
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node as Record<Key, unknown>)[key], copy) as Record<Key, unknown>;
    const last = path.at(-1)!;
    if (op === "set") parent[last] = newValue;
    else if (op === "delete") delete parent[last];
    else (parent[last] as unknown[]).push(newValue);
  }
  return copy;
}

const RIBBON_TAB = ["extensions", 0, "ribbons", 0, "tabs", 0];
const BUTTON = [...RIBBON_TAB, "groups", 0, "controls", 0];
const MOBILE_BUTTON = [...RIBBON_TAB, "customMobileRibbonGroups", 0, "controls", 0];

// Any download attempt during schema validation fails the test instead of reaching the network.
let fetchSpy: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchSpy = vi.fn(async () => {
    throw new Error("no network in tests");
  });
  vi.stubGlobal("fetch", fetchSpy);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each([
  ["the demo deployment", DEMO_DEPLOYMENT],
  ["a deployment under a path prefix", CONTOSO],
])("the unified manifest for %s", (_, deployment) => {
  const app = resolveApp(deployment);
  const manifest = buildUnifiedManifest(app);

  it("passes the bundled Microsoft schema and FieldCoach's own rules without downloading anything", async () => {
    expect(await validateUnifiedManifest(manifest, app)).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("points $schema at Microsoft's published schema for a version that can hold an Outlook add-in", () => {
    expect(manifest.$schema).toBe(MANIFEST_SCHEMA_URL);
    expect(manifest.$schema).toMatch(/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\//);
    expect(Number(manifest.manifestVersion.split(".")[1])).toBeGreaterThanOrEqual(17);
  });

  it("keeps every URL under the base URL", () => {
    const urls = urlsIn(manifest).filter(([path]) => path !== "$.$schema");
    expect(urls.length).toBeGreaterThan(10);
    for (const [path, url] of urls) expect(isUnderBase(url, deployment.baseUrl), `${path} ${url}`).toBe(true);
  });

  it("declares the personal tab and the meeting side panel", () => {
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({ contentUrl: `${deployment.baseUrl}/tab`, scopes: ["personal"] }),
    ]);
    expect(manifest.configurableTabs).toHaveLength(1);
    expect(manifest.configurableTabs![0]).toMatchObject({
      configurationUrl: `${deployment.baseUrl}/tab/config`,
      scopes: ["groupChat"],
      context: ["meetingSidePanel", "meetingChatTab", "meetingDetailsTab"],
    });
  });

  it("names the Entra app for sign-in and only the base URL's host as a valid domain", () => {
    const host = new URL(deployment.baseUrl).host;
    expect(manifest.webApplicationInfo).toEqual({
      id: deployment.clientId,
      resource: `api://${host}/${deployment.clientId}`,
    });
    expect(manifest.validDomains).toEqual([host]);
    expect(manifest.id).toBe(deployment.appId);
  });

  it("declares the four activity-feed notification types", () => {
    expect(manifest.activities?.activityTypes?.map((activity) => activity.type)).toEqual([
      "fieldDayNoteMissing",
      "noteShared",
      "reportSignedOff",
      "fieldDayReminder",
    ]);
  });

  it("adds the Outlook add-in to appointments, as organizer and attendee and on mobile, opening the pane", () => {
    const extension = manifest.extensions![0]!;
    expect(extension.requirements).toEqual({
      scopes: ["mail"],
      capabilities: [{ name: "Mailbox", minVersion: "1.5" }],
    });
    const runtime = extension.runtimes![0]!;
    expect(runtime.code.page).toBe(`${deployment.baseUrl}/outlook`);
    expect(runtime.actions).toEqual([{ id: OPEN_PANE_ACTION, type: "openPage" }]);
    const ribbon = extension.ribbons![0]!;
    expect(ribbon.contexts).toEqual([
      "meetingDetailsOrganizer",
      "meetingDetailsAttendee",
      "logEventMeetingDetailsAttendee",
    ]);
    const tab = ribbon.tabs[0]!;
    expect(tab.groups![0]!.controls![0]).toMatchObject({ type: "button", actionId: OPEN_PANE_ACTION });
    expect(tab.customMobileRibbonGroups![0]!.controls[0]).toMatchObject({
      type: "mobileButton",
      actionId: OPEN_PANE_ACTION,
    });
    expect(tab.customMobileRibbonGroups![0]!.controls[0]!.icons).toHaveLength(9);
  });

  it("asks for read-item access only, and hides the add-in only manifest's copy by its own id", () => {
    expect(manifest.authorization?.permissions?.resourceSpecific).toEqual([
      { name: "MailboxItem.Read.User", type: "Delegated" },
    ]);
    const hidden = manifest.extensions![0]!.alternates![0]!.hide!.customOfficeAddin!.officeAddinId;
    expect(hidden).toBe(app.outlookAddinId);
    expect(hidden).not.toBe(deployment.appId);
  });
});

describe("activity types", () => {
  it("name every template placeholder as a parameter, apart from the {actor} Teams fills in", () => {
    for (const activity of ACTIVITY_TYPES) {
      const placeholders = [...activity.templateText.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(placeholders.filter((name) => name !== "actor").sort(), activity.type).toEqual(
        [...activity.parameters].sort(),
      );
    }
  });
});

describe("the unified manifest validator", () => {
  const app = resolveApp(DEMO_DEPLOYMENT);
  const manifest = buildUnifiedManifest(app);

  it.each<[string, Edit[], RegExp]>([
    [
      "a missing required field",
      [["delete", ["developer"]]],
      /schema: \$ must have required property 'developer'/,
    ],
    [
      "a second configurable tab",
      [["push", ["configurableTabs"], { ...manifest.configurableTabs![0], id: "other" }]],
      /schema: \$\/configurableTabs must NOT have more than 1 items/,
    ],
    [
      "an unknown ribbon context",
      [["push", ["extensions", 0, "ribbons", 0, "contexts"], "calendarGrid"]],
      /schema: \$\/extensions\/0\/ribbons\/0\/contexts\/3 must be equal to one of the allowed values/,
    ],
    [
      "a tab URL outside the base URL",
      [["set", ["staticTabs", 0, "contentUrl"], "https://fieldcoach.example.net/tab"]],
      /\$\.staticTabs\[0\]\.contentUrl: https:\/\/fieldcoach\.example\.net\/tab is outside the base URL/,
    ],
    [
      "a look-alike host",
      [["set", ["developer", "privacyUrl"], "https://localhost:3000.evil.example/privacy"]],
      /\$\.developer\.privacyUrl: .* is outside the base URL/,
    ],
    [
      "a ribbon icon of the wrong size",
      [["set", [...BUTTON, "icons", 0, "url"], "https://localhost:3000/icons/icon-32.png"]],
      /controls\[0\]\.icons\[0\]: icon-32\.png is 32 px, 16 px expected/,
    ],
    [
      "a mobile icon of the wrong scale",
      [["set", [...MOBILE_BUTTON, "icons", 3, "scale"], 3]],
      /customMobileRibbonGroups\[0\]\.controls\[0\]\.icons\[3\]: log-50\.png is 50 px, 75 px expected/,
    ],
    [
      "a button bound to no action",
      [["set", [...BUTTON, "actionId"], "missing"]],
      /actionId: "missing" is no runtime action/,
    ],
    [
      "another host among the valid domains",
      [["push", ["validDomains"], "*.example.com"]],
      /\$\.validDomains\[1\]: "\*\.example\.com" is not the base URL's host/,
    ],
    [
      "a sign-in resource for another host",
      [["set", ["webApplicationInfo", "resource"], `api://elsewhere.example/${DEMO_DEPLOYMENT.clientId}`]],
      /\$\.webApplicationInfo\.resource: must be api:\/\/localhost:3000\//,
    ],
    [
      "no meeting side panel",
      [["set", ["configurableTabs", 0, "context"], ["meetingChatTab"]]],
      /meeting side panel needs a groupChat tab/,
    ],
    [
      "an activity type left out",
      [["set", ["activities", "activityTypes"], manifest.activities!.activityTypes!.slice(0, 3)]],
      /\$\.activities\.activityTypes: fieldDayReminder is missing/,
    ],
  ])("rejects %s", async (_, edits, problem) => {
    const problems = await validateUnifiedManifest(edited(manifest, ...edits), app);
    expect(problems.join("\n")).toMatch(problem);
  });

  it("refuses a $schema it would have to download, without trying to", async () => {
    const unbundled = edited(
      manifest,
      [
        "set",
        ["$schema"],
        "https://developer.microsoft.com/json-schemas/teams/v1.99/MicrosoftTeams.schema.json",
      ],
      ["set", ["manifestVersion"], "1.99"],
    );
    expect(await validateUnifiedManifest(unbundled, app)).toContain(
      "$.manifestVersion: @microsoft/app-manifest bundles no schema for 1.99.",
    );
    const elsewhere = edited(manifest, [
      "set",
      ["$schema"],
      "https://schemas.example.com/teams/v1.24/MicrosoftTeams.schema.json",
    ]);
    expect(await validateUnifiedManifest(elsewhere, app)).toContain(
      "$.$schema: must be Microsoft's schema URL for the manifest's own manifestVersion.",
    );
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("refuses a manifest version too old for the Outlook add-in", async () => {
    const old = edited(
      manifest,
      [
        "set",
        ["$schema"],
        "https://developer.microsoft.com/json-schemas/teams/v1.16/MicrosoftTeams.schema.json",
      ],
      ["set", ["manifestVersion"], "1.16"],
    );
    expect(await validateUnifiedManifest(old, app)).toContain(
      "$.manifestVersion: 1.16 cannot hold an Outlook add-in; 1.17 or later is needed.",
    );
  });
});
