/**
 * The pages Teams and Outlook load: the webpack build in dist/web (tab.html, outlook.html, /static/*),
 * the icons Outlook shows on its buttons, and the privacy and terms pages the manifests link to.
 * Until the pages are built, their addresses say how to build them instead of failing.
 */

import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ICON_PATH, PAGE_PATHS } from "../../manifest/app-definition.ts";
import { escapeHtml, htmlPage, PAGES_CSS } from "./html.ts";

export interface WebPagesOptions {
  /** The webpack output folder (dist/web). */
  readonly webRoot: string;
  /** manifest/icons. */
  readonly iconRoot: string;
  /** Links for the home page: in demo mode, the sign-in picker. */
  readonly homeLinks: readonly { readonly href: string; readonly text: string }[];
}

const NOT_BUILT = htmlPage(
  "FieldCoach: pages not built",
  `      <h1>The pages are not built yet</h1>
      <p>Run <code>npm run build</code> (or <code>npm start</code>, which builds them when they are missing
      or older than the sources), then reload this page.</p>`,
);

export async function registerWebPages(app: FastifyInstance, options: WebPagesOptions): Promise<void> {
  await app.register(fastifyStatic, {
    root: options.webRoot,
    prefix: "/static/",
    // The shells are served at their page addresses, with the page CSP; chunks are content-hashed.
    allowedPath: (path) => !path.endsWith(".html"),
    immutable: true,
    maxAge: "365d",
    // dist/web may appear after start (a build in another terminal).
    wildcard: true,
  });
  await app.register(fastifyStatic, {
    root: options.iconRoot,
    prefix: `${ICON_PATH}/`,
    decorateReply: false,
    maxAge: "1d",
  });

  const shell = (file: string) => async (_request: unknown, reply: FastifyReply) => {
    const html = await readShell(join(options.webRoot, file));
    reply.header("Cache-Control", "no-cache");
    return reply.type("text/html; charset=utf-8").send(html ?? NOT_BUILT);
  };
  app.get(PAGE_PATHS.tab, shell("tab.html"));
  app.get(PAGE_PATHS.tabConfig, shell("tab.html"));
  app.get(PAGE_PATHS.outlook, shell("outlook.html"));

  app.get("/pages.css", async (_request, reply) => reply.type("text/css; charset=utf-8").send(PAGES_CSS));
  app.get(PAGE_PATHS.home, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(homePage(options.homeLinks)),
  );
  app.get(PAGE_PATHS.privacy, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(PRIVACY_PAGE),
  );
  app.get(PAGE_PATHS.terms, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(TERMS_PAGE),
  );
}

async function readShell(path: string): Promise<string | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
}

function homePage(links: WebPagesOptions["homeLinks"]): string {
  const items = [
    { href: PAGE_PATHS.tab, text: "The Teams tab (My team, My coaching, Coaching the coaches)" },
    { href: PAGE_PATHS.outlook, text: "The Outlook panel" },
    ...links,
  ]
    .map((link) => `        <li><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></li>`)
    .join("\n");
  return htmlPage(
    "FieldCoach",
    `      <h1>FieldCoach</h1>
      <p>FieldCoach turns a sales manager's calendar into a coaching practice: it tells sales development
      (the rep brought the manager in) from skill development (the manager went to the rep), suggests field
      days and keeps coaching notes and plans. It runs inside Microsoft Teams and Outlook.</p>
      <ul>
${items}
      </ul>
      <p><a href="${PAGE_PATHS.privacy}">Privacy</a> · <a href="${PAGE_PATHS.terms}">Terms of use</a></p>`,
  );
}

const PRIVACY_PAGE = htmlPage(
  "FieldCoach: privacy",
  `      <h1>Privacy</h1>
      <p>FieldCoach reads, through Microsoft Graph and with the permissions your organisation consented to,
      the calendar of the signed-in manager, the free/busy time of their reps, and the organisation chart.
      It keeps, per organisation: who reports to whom, each meeting's times and classification (never the
      subject or body of a private meeting), coaching notes, plans, metrics and field-day suggestions.</p>
      <p>A coaching note is visible to the manager who wrote it, to the rep once it is shared with them, and
      to the manager's own managers for review; a manager's private notes are seen by that manager alone.
      Every read of a note is recorded. Your organisation's administrators can export or delete a person's
      data on request.</p>`,
);

const TERMS_PAGE = htmlPage(
  "FieldCoach: terms of use",
  `      <h1>Terms of use</h1>
      <p>FieldCoach is provided by your organisation for coaching its sales teams. Use it for that purpose
      only, keep what you write factual and respectful, and follow your organisation's policies for
      personnel records. Your organisation decides how long coaching records are kept.</p>`,
);
