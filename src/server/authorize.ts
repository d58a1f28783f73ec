/**
 * Who may see and do what (SPEC §6 and §9), decided from the signed-in person and the reporting lines
 * only. Pure: every function takes what it needs and answers; routes and use cases turn a "no" into a
 * 403 or a 404. Being an administrator grants settings, export and deletion, never coaching records.
 */

import type { NoteStatus } from "../store/schema.ts";
import type { Hierarchy } from "./hierarchy.ts";

/** The signed-in person as authorization sees them. */
export interface Viewer {
  readonly tenantId: string;
  readonly objectId: string;
  /** Lower-case primary address; null when the person is not in the synced directory. */
  readonly email: string | null;
  readonly isAdmin: boolean;
}

/** How a person relates to a coaching note, which decides what of it they see and may change. */
export type NoteAccess =
  /** The manager who coaches: everything, private notes included. */
  | "author"
  /** The rep, once the note is shared: everything but the manager's private notes. */
  | "rep"
  /**
   * One of the manager's own managers, at any depth, once the note has left draft: everything but the
   * private notes, for review. A draft is the manager's work in progress.
   */
  | "reviewer";

export interface NoteParties {
  readonly managerEmail: string;
  readonly repEmail: string;
  readonly status: NoteStatus;
}

/** Undefined: the note does not exist for this person (not other reps, not peers, not admins). */
export function noteAccess(viewer: Viewer, note: NoteParties, hierarchy: Hierarchy): NoteAccess | undefined {
  const email = viewer.email;
  if (email === null) return undefined;
  if (email === note.managerEmail) return "author";
  if (email === note.repEmail) return note.status === "draft" ? undefined : "rep";
  if (hierarchy.isAbove(email, note.managerEmail)) return note.status === "draft" ? undefined : "reviewer";
  return undefined;
}

export function canSeePrivateNotes(access: NoteAccess): boolean {
  return access === "author";
}

/** The manager writes the note until it is signed off. */
export function canEditNote(access: NoteAccess, note: NoteParties): boolean {
  return access === "author" && note.status !== "signed-off";
}

/** The rep writes their reflection while the note is shared with them and not yet signed off. */
export function canReflect(access: NoteAccess, note: NoteParties): boolean {
  return access === "rep" && note.status === "shared";
}

/** Executives comment on (debrief) a field-visit report once the manager signed it off. */
export function canReview(access: NoteAccess, note: NoteParties): boolean {
  return access === "reviewer" && note.status === "signed-off";
}

/** Both the rep and the manager tick off agreed actions; the rep only once the note is shared. */
export function canUpdateActions(access: NoteAccess): boolean {
  return access === "author" || access === "rep";
}

/** How a person relates to another person's coaching records (plan, metrics, timeline). */
export type PersonAccess = "self" | "manager" | "executive";

export function personAccess(viewer: Viewer, email: string, hierarchy: Hierarchy): PersonAccess | undefined {
  if (viewer.email === null) return undefined;
  if (viewer.email === email) return "self";
  const managers = hierarchy.managersOf(email);
  if (managers[0] === viewer.email) return "manager";
  return managers.includes(viewer.email) ? "executive" : undefined;
}

/** A rep's plan is kept by their manager. */
export function canEditPlan(access: PersonAccess | undefined): boolean {
  return access === "manager";
}

/** Metrics are entered or imported by anyone the rep reports to, at any depth. */
export function canRecordMetrics(access: PersonAccess | undefined): boolean {
  return access === "manager" || access === "executive";
}

/** A manager's calendar mix, suggestions and events: the manager and everyone above them. */
export function canSeeTeam(viewer: Viewer, managerEmail: string, hierarchy: Hierarchy): boolean {
  if (viewer.email === null) return false;
  return viewer.email === managerEmail || hierarchy.isAbove(viewer.email, managerEmail);
}

/** Only the manager whose calendar it is corrects a classification, books or dismisses suggestions. */
export function isOwnCalendar(viewer: Viewer, managerEmail: string): boolean {
  return viewer.email === managerEmail;
}

/** Tenant settings, the behaviour library, and a person's data export or deletion. */
export function canAdminister(viewer: Viewer): boolean {
  return viewer.isAdmin;
}

/** The cadence policy is set by administrators and by executives (SPEC §2). */
export function canSetPolicy(viewer: Viewer, hierarchy: Hierarchy): boolean {
  if (viewer.isAdmin) return true;
  const person = viewer.email === null ? undefined : hierarchy.person(viewer.email);
  return person?.role === "executive";
}
