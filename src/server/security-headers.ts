/**
 * Response headers that keep FieldCoach's pages inside Microsoft's hosts and its API out of every page.
 * Pages may be framed only by Teams, Outlook and Microsoft 365 (Microsoft's tab requirements list the
 * hosts, including the *.cloud.microsoft domains they are moving to) and load scripts only from here and
 * Office.js from Microsoft's CDN, which Microsoft requires add-ins to load from there.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export const FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.skype.com",
  "https://teams.cloud.microsoft",
  "https://*.cloud.microsoft",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook-sdf.office.com",
  "https://outlook-sdf.office365.com",
  "https://*.outlook.com",
  "https://*.microsoft365.com",
] as const;

export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
/** Microsoft Entra ID: MSAL's token requests and its popup and silent-iframe sign-in. */
const ENTRA_ORIGIN = "https://login.microsoftonline.com";
/** TeamsJS reads its list of valid host domains from Microsoft's CDN. */
const TEAMS_JS_CDN = "https://res.cdn.office.net";

export const PAGE_CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  // Fluent UI (Griffel) inserts its style rules at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self' ${ENTRA_ORIGIN} ${TEAMS_JS_CDN}`,
  `frame-src 'self' ${ENTRA_ORIGIN}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(" ")}`,
].join("; ");

/** JSON is never a document: nothing may run in it and nothing may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export interface SecurityHeaderOptions {
  /** Sends Strict-Transport-Security: only when the public address is https. */
  readonly https: boolean;
}

export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  app.addHook("onSend", async (request, reply, payload) => {
    applySecurityHeaders(request, reply, options);
    return payload;
  });
}

/** Sets the headers on one reply: the hook does it for every answer that goes through Fastify's hooks. */
export function applySecurityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SecurityHeaderOptions,
): void {
  const type = String(reply.getHeader("content-type") ?? "");
  const isPage = type.startsWith("text/html");
  reply.header("Content-Security-Policy", isPage ? PAGE_CSP : API_CSP);
  reply.header("X-Content-Type-Options", "nosniff");
  reply.header("Referrer-Policy", "strict-origin-when-cross-origin");
  reply.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  // MSAL's popup sign-in needs the opener kept; everything else stays isolated.
  reply.header("Cross-Origin-Opener-Policy", "same-origin-allow-popups");
  // Outlook loads the add-in's button icons from its own origin.
  reply.header(
    "Cross-Origin-Resource-Policy",
    request.url.startsWith("/icons/") ? "cross-origin" : "same-origin",
  );
  if (options.https) reply.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (request.url.startsWith("/api/") || request.url === "/healthz" || request.url === "/readyz") {
    reply.header("Cache-Control", "no-store");
  }
}
