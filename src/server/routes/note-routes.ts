/** Coaching notes: open, list, read, autosave, share, reflect, sign off, tick actions. */

import type { FastifyInstance } from "fastify";
import { ROUTES } from "../../api/routes.ts";
import { requestContext } from "../request-context.ts";
import type { Services } from "../services.ts";
import { listNotes } from "../use-cases/list-notes.ts";
import { openNote } from "../use-cases/open-note.ts";
import { readNote } from "../use-cases/read-note.ts";
import { saveNoteDraft } from "../use-cases/save-note-draft.ts";
import { saveReflection } from "../use-cases/save-reflection.ts";
import { setActionStatus } from "../use-cases/set-action-status.ts";
import { shareNote } from "../use-cases/share-note.ts";
import { signOffNote } from "../use-cases/sign-off-note.ts";
import { handleRoute } from "./handle-route.ts";

export function noteRoutes(services: Services) {
  return (api: FastifyInstance): void => {
    handleRoute(api, ROUTES.listNotes, async ({ caller, query }) => ({
      body: await listNotes(await requestContext(services, caller), query),
    }));
    handleRoute(api, ROUTES.createNote, async ({ caller, body }) => {
      const opened = await openNote(await requestContext(services, caller), body);
      return { body: opened.note, status: opened.created ? 201 : 200, version: opened.note.version };
    });
    handleRoute(api, ROUTES.getNote, async ({ caller, params }) => {
      const note = await readNote(await requestContext(services, caller), params.id);
      return { body: note, version: note.version };
    });
    handleRoute(api, ROUTES.saveNote, async ({ caller, params, headers, body }) => {
      const note = await saveNoteDraft(
        await requestContext(services, caller),
        params.id,
        headers["if-match"],
        body,
      );
      return { body: note, version: note.version };
    });
    handleRoute(api, ROUTES.shareNote, async ({ caller, params }) => {
      const note = await shareNote(await requestContext(services, caller), params.id);
      return { body: note, version: note.version };
    });
    handleRoute(api, ROUTES.saveReflection, async ({ caller, params, headers, body }) => {
      const context = await requestContext(services, caller);
      const note = await saveReflection(context, params.id, headers["if-match"], body.reflection);
      return { body: note, version: note.version };
    });
    handleRoute(api, ROUTES.signOffNote, async ({ caller, params }) => {
      const note = await signOffNote(await requestContext(services, caller), params.id);
      return { body: note, version: note.version };
    });
    handleRoute(api, ROUTES.setActionStatus, async ({ caller, params, body }) => ({
      body: await setActionStatus(await requestContext(services, caller), params.id, params.actionId, body),
    }));
  };
}
