/**
 * The FieldCoach session an event belongs to, kept on the event as one open extension with a fixed
 * name (each extension name uses up a named property in the mailbox's finite quota, so there is only
 * ever this one). Writing it again merges, so a retried write does no harm.
 */

import type { EventSessionLinks } from "../domain/graph-ports.ts";
import type { GraphClient } from "./client.ts";
import { GraphError } from "./map-error.ts";
import { PERMISSIONS } from "./permissions.ts";

export const SESSION_EXTENSION_NAME = "com.fieldcoach.session";

/** The open extension as Graph takes it, in an event's `extensions` or posted on its own. */
export function sessionExtension(sessionId: string): Record<string, string> {
  if (sessionId === "") throw new RangeError("a FieldCoach session id must not be empty");
  return {
    "@odata.type": "microsoft.graph.openTypeExtension",
    extensionName: SESSION_EXTENSION_NAME,
    sessionId,
  };
}

/** The session id an extension holds, or undefined when it is not FieldCoach's or holds none. */
export function sessionIdOfExtension(raw: unknown): string | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const extension = raw as Record<string, unknown>;
  if (typeof extension.extensionName !== "string") return undefined;
  if (extension.extensionName.toLowerCase() !== SESSION_EXTENSION_NAME) return undefined;
  return typeof extension.sessionId === "string" && extension.sessionId !== ""
    ? extension.sessionId
    : undefined;
}

export function createEventSessionLinks(client: GraphClient): EventSessionLinks {
  const eventPath = (mailboxId: string, eventId: string) =>
    `/users/${encodeURIComponent(mailboxId)}/events/${encodeURIComponent(eventId)}/extensions`;
  return {
    async sessionIdOf(mailboxId, eventId) {
      try {
        const result = await client.send({
          method: "GET",
          url: `${eventPath(mailboxId, eventId)}/${SESSION_EXTENSION_NAME}`,
          permission: PERMISSIONS.readCalendar,
          mailboxes: new Map([[mailboxId, 1]]),
        });
        return sessionIdOfExtension(result.body);
      } catch (error) {
        // Graph says the same for a missing event and an event without the extension.
        if (error instanceof GraphError && error.kind === "not-found") return undefined;
        throw error;
      }
    },

    async linkSession(mailboxId, eventId, sessionId) {
      await client.send({
        method: "POST",
        url: eventPath(mailboxId, eventId),
        permission: PERMISSIONS.writeCalendar,
        mailboxes: new Map([[mailboxId, 1]]),
        body: sessionExtension(sessionId),
        idempotent: true,
      });
    },
  };
}
