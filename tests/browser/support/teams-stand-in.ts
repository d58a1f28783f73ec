import type { FrameLocator, Page } from "playwright-core";

/** How Teams shows the tab: in which frame, with which theme and locale, opened for what. */
export interface TeamsStandInOptions {
  /** What Teams loads in its frame: `/tab`, or `/tab/config` for a configurable tab's settings. */
  readonly path: string;
  /** "content" (the personal tab, a meeting's chat tab), "settings" (the configuration dialog), "sidePanel". */
  readonly frameContext: "content" | "settings" | "sidePanel";
  /** Teams' own theme names. */
  readonly theme: "default" | "dark" | "contrast";
  readonly locale: string;
  /** A deep link's subPageId (TeamsJS 1's subEntityId). */
  readonly subEntityId?: string;
  readonly meetingId?: string;
  /** The frame's size: a side panel is 320 px wide. */
  readonly frame?: { readonly width: number; readonly height: number };
}

export interface TeamsCall {
  readonly func: string;
  readonly args: readonly unknown[];
}

export interface TeamsStandIn {
  /** The tab, inside the frame Teams gives it. */
  readonly tab: FrameLocator;
  /** Switches Teams' theme, as a person does in Teams' settings while the tab is open. */
  setTheme(theme: TeamsStandInOptions["theme"]): Promise<void>;
  /** Presses Save in the dialog Teams shows around a configuration page. */
  pressSave(): Promise<void>;
  /** Every request the tab sent to Teams, in order. */
  calls(): Promise<readonly TeamsCall[]>;
}

const STAND_IN_PATH = "/teams-stand-in";

/**
 * Opens the tab inside a page that speaks TeamsJS's host side of postMessage, as the Teams web client
 * does: it answers `initialize` (frame context, client type, runtime configuration), `getContext`
 * (theme, locale, subEntityId, meeting) and `settings.setSettings`, records every request, and can send
 * the tab a theme change or a configuration dialog's Save. It is served on the tab's own origin,
 * which TeamsJS accepts messages from, so nothing has to be allowed that Teams would not allow.
 */
export async function openInTeams(
  page: Page,
  baseUrl: string,
  options: TeamsStandInOptions,
): Promise<TeamsStandIn> {
  await page.route(`${baseUrl}${STAND_IN_PATH}`, (route) =>
    route.fulfill({ contentType: "text/html", body: standInPage(options) }),
  );
  await page.goto(`${baseUrl}${STAND_IN_PATH}`);
  return {
    tab: page.frameLocator("iframe"),
    async setTheme(theme) {
      await page.evaluate(
        (name) => (window as unknown as TeamsWindow).teams.send("themeChange", [name]),
        theme,
      );
    },
    async pressSave() {
      await page.evaluate(() => (window as unknown as TeamsWindow).teams.send("settings.save", [{}]));
    },
    calls: () => page.evaluate(() => (window as unknown as TeamsWindow).teams.calls),
  };
}

interface TeamsWindow {
  readonly teams: { readonly calls: TeamsCall[]; send(func: string, args: readonly unknown[]): void };
}

function standInPage(options: TeamsStandInOptions): string {
  const frame = options.frame ?? { width: 1280, height: 900 };
  const context = {
    frameContext: options.frameContext,
    theme: options.theme,
    locale: options.locale,
    hostClientType: "web",
    loginHint: "",
    ...(options.subEntityId === undefined ? {} : { subEntityId: options.subEntityId }),
    ...(options.meetingId === undefined ? {} : { meetingId: options.meetingId }),
  };
  // A runtime configuration as the Teams web client sends it, trimmed to what FieldCoach uses.
  const runtime = { apiVersion: 4, supports: { pages: { config: {}, tabs: {} }, teamsCore: {} } };
  const script = `(function (options, context, runtime) {
    var frame = document.getElementById("tab");
    var calls = [];
    var reply = function (request, args) {
      frame.contentWindow.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args: args }, "*");
    };
    window.teams = {
      calls: calls,
      send: function (func, args) { frame.contentWindow.postMessage({ func: func, args: args }, "*"); }
    };
    window.addEventListener("message", function (event) {
      var request = event.data;
      if (event.source !== frame.contentWindow || !request || typeof request.func !== "string") return;
      calls.push({ func: request.func, args: request.args || [] });
      if (request.func === "initialize") reply(request, [options.frameContext, "web", JSON.stringify(runtime), "2.0.0"]);
      else if (request.func === "getContext") reply(request, [context]);
      else if (request.func === "settings.setSettings") reply(request, [true]);
    });
    frame.src = options.path;
  })(${JSON.stringify(options)}, ${JSON.stringify(context)}, ${JSON.stringify(runtime)});`;
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Microsoft Teams (stand-in)</title></head>
  <body style="margin:0">
    <iframe id="tab" title="FieldCoach" style="border:0;width:${frame.width}px;height:${frame.height}px"></iframe>
    <script>${script}</script>
  </body>
</html>
`;
}
