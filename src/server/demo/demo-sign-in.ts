/**
 * "Sign in as": the demo's stand-in for Microsoft Entra sign-in. It lists the demo tenant's people and
 * hands out an access token for FieldCoach's API, signed by the local development issuer, which the pages
 * then send exactly as they would send an Entra token. Only demo mode registers these routes, and demo
 * mode refuses to start when any tenant setting is present.
 */

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { roleOf } from "../../demo-tenant/org-file.ts";
import type { DevIssuer } from "../../dev-issuer/dev-issuer.ts";
import type { SimTenant } from "../../graph-sim/tenant-data.ts";
import { notFound } from "../api-error.ts";
import { ADMIN_ROLE } from "../caller.ts";
import { escapeHtml, htmlPage } from "../html.ts";
import { parseRequest } from "../validate.ts";

export const DEMO_SIGN_IN_PAGE = "/demo/sign-in";
/** Where the picker keeps the token for the pages (localStorage): `{accessToken, expiresAt, name, objectId, admin}`. */
export const DEMO_TOKEN_STORAGE_KEY = "fieldcoach.demoToken";
const TOKEN_LIFETIME_SECONDS = 8 * 3600;

export interface DemoPerson {
  readonly objectId: string;
  readonly name: string;
  readonly email: string;
  readonly jobTitle: string;
  readonly role: "rep" | "manager" | "executive";
  readonly managerName: string | null;
}

export interface DemoSignInOptions {
  readonly tenant: SimTenant;
  readonly issuer: DevIssuer;
  /** FieldCoach's client id: the app the token is issued to. */
  readonly clientId: string;
  /** The audience FieldCoach's API accepts (its Application ID URI). */
  readonly audience: string;
  readonly scope: string;
}

const signInBody = z.object({
  objectId: z.string().min(1, "must name a demo person"),
  admin: z.boolean().default(false),
});

export function demoPeopleOf(tenant: SimTenant): DemoPerson[] {
  const byId = new Map(tenant.users.map((user) => [user.id, user]));
  const order = { executive: 0, manager: 1, rep: 2 } as const;
  return tenant.users
    .map((user) => ({
      objectId: user.id,
      name: user.displayName,
      email: user.mail,
      jobTitle: user.jobTitle,
      role: roleOf(user, tenant),
      managerName: user.managerId === null ? null : (byId.get(user.managerId)?.displayName ?? null),
    }))
    .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
}

export function demoSignInRoutes(options: DemoSignInOptions) {
  const people = demoPeopleOf(options.tenant);
  const byId = new Map(people.map((person) => [person.objectId, person]));

  return (app: FastifyInstance): void => {
    app.get("/api/demo/people", async () => ({ people }));

    app.post("/api/demo/sign-in", async (request) => {
      const body = parseRequest(signInBody, request.body ?? {}, "body");
      const person = byId.get(body.objectId);
      if (person === undefined) {
        throw notFound(`Nobody in the demo tenant has the object id ${body.objectId}.`);
      }
      const issuedAt = options.issuer.now();
      const accessToken = await options.issuer.issueToken({
        tenantId: options.tenant.tenantId,
        oid: person.objectId,
        appId: options.clientId,
        audience: options.audience,
        expiresIn: TOKEN_LIFETIME_SECONDS,
        version: "2.0",
        scopes: [options.scope],
        ...(body.admin ? { roles: [ADMIN_ROLE] } : {}),
        name: person.name,
        upn: person.email,
      });
      return {
        accessToken,
        expiresAt: new Date(issuedAt + TOKEN_LIFETIME_SECONDS * 1000).toISOString(),
        person,
        admin: body.admin,
      };
    });

    app.get(DEMO_SIGN_IN_PAGE, async (_request, reply) =>
      reply.type("text/html; charset=utf-8").send(pickerPage(people)),
    );
    app.get("/demo/sign-in.js", async (_request, reply) =>
      reply.type("text/javascript; charset=utf-8").send(PICKER_SCRIPT),
    );
  };
}

function pickerPage(people: readonly DemoPerson[]): string {
  const groups = (["executive", "manager", "rep"] as const).map((role) => {
    const items = people
      .filter((person) => person.role === role)
      .map(
        (person) =>
          `          <li><button type="button" data-oid="${escapeHtml(person.objectId)}">${escapeHtml(person.name)}` +
          ` <span class="role">${escapeHtml(person.jobTitle)}${
            person.managerName === null ? "" : `, reports to ${escapeHtml(person.managerName)}`
          }</span></button></li>`,
      )
      .join("\n");
    const title = { executive: "Executives", manager: "Managers", rep: "Reps" }[role];
    return `        <h2>${title}</h2>\n        <ul class="people">\n${items}\n        </ul>`;
  });
  return htmlPage(
    "FieldCoach demo: sign in as",
    `      <h1>Sign in to the FieldCoach demo as…</h1>
      <p>This is the demo tenant: pick anyone and FieldCoach treats you as that person, exactly as it would
      after a Microsoft sign-in. Nothing here reaches a real Microsoft 365 tenant.</p>
      <p><label><input type="checkbox" id="admin" /> with the FieldCoach administrator role
      (tenant settings, data export and deletion)</label></p>
      <p><label>Then open <select id="next">
        <option value="/tab">the Teams tab</option>
        <option value="/outlook">the Outlook panel</option>
      </select></label></p>
      <p id="status" role="status"></p>
${groups.join("\n")}`,
    ["/demo/sign-in.js"],
  );
}

const PICKER_SCRIPT = `"use strict";
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("button[data-oid]") : null;
  if (button === null) return;
  const status = document.getElementById("status");
  status.textContent = "Signing in…";
  const response = await fetch("/api/demo/sign-in", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ objectId: button.dataset.oid, admin: document.getElementById("admin").checked }),
  });
  const body = await response.json();
  if (!response.ok) {
    status.textContent = body.message;
    return;
  }
  localStorage.setItem(${JSON.stringify(DEMO_TOKEN_STORAGE_KEY)}, JSON.stringify({
    accessToken: body.accessToken,
    expiresAt: body.expiresAt,
    name: body.person.name,
    objectId: body.person.objectId,
    admin: body.admin,
  }));
  location.assign(document.getElementById("next").value);
});
`;
