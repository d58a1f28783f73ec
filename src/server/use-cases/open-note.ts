/**
 * The coaching note of a meeting and one of the manager's reps (POST /api/notes): created as a draft the
 * first time, with the rep's plan's focus behaviours, or returned as it is when it exists.
 */

import { randomUUID } from "node:crypto";
import type { CreateNoteBody, Note } from "../../api/notes.ts";
import { forbidden, notFound } from "../api-error.ts";
import { noteAccess } from "../authorize.ts";
import { auditRead, noteView } from "../note-access.ts";
import { type RequestContext, signedInPerson } from "../request-context.ts";
import { refreshCalendar } from "../team-data.ts";

export async function openNote(
  context: RequestContext,
  body: CreateNoteBody,
): Promise<{ readonly created: boolean; readonly note: Note }> {
  const manager = signedInPerson(context);
  const { store } = context.services;
  const { tenantId, now } = context;
  const hierarchy = await context.hierarchy();
  if (hierarchy.person(body.rep)?.managerEmail !== manager.email) {
    throw forbidden("Only a rep's own manager writes the coaching notes of their meetings.");
  }
  const existing = (
    await store.notes.list(tenantId, { meetingICalUId: body.meeting, repEmails: [body.rep] })
  )[0];
  if (existing !== undefined) {
    const access = noteAccess(context.viewer, existing, hierarchy);
    if (access === undefined) throw forbidden("This meeting's note for the rep belongs to another manager.");
    await auditRead(context, existing, access);
    return { created: false, note: await noteView(context, existing, access) };
  }

  let meeting = await meetingIn(context, manager.email, body.meeting);
  if (meeting === undefined) {
    await refreshCalendar(context, manager);
    meeting = await meetingIn(context, manager.email, body.meeting);
  }
  if (meeting === undefined) throw notFound("That meeting is not in your calendar as FieldCoach knows it.");
  const plan = await store.plans.get(tenantId, body.rep);
  const result = await store.transaction(async (tx) => {
    const opened = await tx.notes.create(
      tenantId,
      {
        noteId: randomUUID(),
        meetingICalUId: body.meeting,
        repEmail: body.rep,
        managerEmail: manager.email,
        meetingStart: meeting.start,
        meetingKind: meeting.kind,
        focus: (plan?.focus ?? []).map((focus) => ({
          behaviourId: focus.behaviourId,
          rating: null,
          evidence: "",
        })),
      },
      { by: manager.email, now },
    );
    if (opened.created) {
      await tx.audit.record(
        tenantId,
        { actor: manager.email, action: "note.create", targetType: "note", targetId: opened.note.noteId },
        now,
      );
    }
    return opened;
  });
  return { created: result.created, note: await noteView(context, result.note, "author") };
}

async function meetingIn(context: RequestContext, mailbox: string, iCalUId: string) {
  const copies = await context.services.store.events.withICalUId(context.tenantId, iCalUId);
  return copies.find((event) => event.mailbox === mailbox);
}
