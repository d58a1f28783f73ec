/**
 * The quality of coaching notes (SPEC §4), over the coaching meetings held: a skill-development meeting
 * (one the manager brought about) that has ended, once per rep who took part. Each share counts the
 * meetings whose note meets the mark; follow-up counts, of the actions agreed in those notes that had a
 * next session with the rep, the ones that session followed up. Pure.
 */

import type { NoteQuality } from "../../api/common.ts";
import { type Instant, MS_PER_HOUR } from "../../domain/instant.ts";
import type { ActionRecord } from "../../store/repositories/actions.ts";
import type { ClassifiedEventRecord } from "../../store/repositories/classified-events.ts";
import type { NoteRecord } from "../../store/repositories/notes.ts";
import { shareOf } from "./share.ts";

export interface CoachingMeeting {
  readonly iCalUId: string;
  readonly rep: string;
  readonly end: Instant;
}

/** Coaching meetings held by `asOf`, one per rep, from a manager's classified events. */
export function coachingMeetingsOf(
  events: readonly ClassifiedEventRecord[],
  asOf: Instant,
): CoachingMeeting[] {
  return events.flatMap((event) =>
    event.development !== "skill" || event.isCancelled || event.end > asOf || event.iCalUId === null
      ? []
      : event.reps.map((rep) => ({ iCalUId: event.iCalUId!, rep, end: event.end })),
  );
}

export function noteQualityOf(input: {
  readonly meetings: readonly CoachingMeeting[];
  /** The notes of the manager's reps (any meeting). */
  readonly notes: readonly NoteRecord[];
  /** The actions agreed in those notes. */
  readonly actions: readonly ActionRecord[];
}): NoteQuality {
  const noteOf = new Map(input.notes.map((note) => [`${note.meetingICalUId}|${note.repEmail}`, note]));
  const actionsOf = new Map<string, ActionRecord[]>();
  for (const action of input.actions)
    actionsOf.set(action.noteId, [...(actionsOf.get(action.noteId) ?? []), action]);
  const tally = {
    within48: 0,
    rated: 0,
    evidence: 0,
    actions: 0,
    reflection: 0,
    followed: 0,
    dueFollowUp: 0,
  };
  for (const meeting of input.meetings) {
    const note = noteOf.get(`${meeting.iCalUId}|${meeting.rep}`);
    if (note === undefined) continue;
    if (note.createdAt <= meeting.end + 48 * MS_PER_HOUR) tally.within48 += 1;
    if (note.focus.some((focus) => focus.rating !== null)) tally.rated += 1;
    if (note.focus.some((focus) => focus.evidence.trim() !== "")) tally.evidence += 1;
    const agreed = actionsOf.get(note.noteId) ?? [];
    if (agreed.length > 0) tally.actions += 1;
    if (note.reflection.trim() !== "") tally.reflection += 1;
    const hadNextSession = input.notes.some(
      (other) =>
        other.repEmail === note.repEmail &&
        other.noteId !== note.noteId &&
        (other.meetingStart ?? other.createdAt) > (note.meetingStart ?? note.createdAt),
    );
    if (hadNextSession) {
      tally.dueFollowUp += agreed.length;
      tally.followed += agreed.filter((action) => action.followedUpInNoteId !== null).length;
    }
  }
  const held = input.meetings.length;
  return {
    withNoteWithin48Hours: shareOf(tally.within48, held),
    behavioursRated: shareOf(tally.rated, held),
    evidenceWritten: shareOf(tally.evidence, held),
    actionsAgreed: shareOf(tally.actions, held),
    reflectionPresent: shareOf(tally.reflection, held),
    actionsFollowedUp: shareOf(tally.followed, tally.dueFollowUp),
  };
}
