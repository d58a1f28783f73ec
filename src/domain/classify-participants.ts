import type { CalendarEvent } from "./calendar-event.ts";
import type { AddressInfo, ClassificationContext } from "./classify-context.ts";
import type { Person } from "./org.ts";

/** Who takes part in one event, seen from the manager's side (SPEC §3). */
export interface Participants {
  /** The manager organized it, in person or through a delegate. */
  readonly byManager: boolean;
  /** Graph's `isOrganizer` says the manager organized it though the organizer address is someone else's. */
  readonly byDelegate: boolean;
  /** The organizer when it is neither the manager nor a delegate acting for them. */
  readonly organizer: string | null;
  readonly organizerRep: Person | undefined;
  readonly organizerExternal: boolean;
  /** The manager's reps who take part (organizer, or attendee who did not decline), organizer first. */
  readonly reps: readonly Person[];
  /** Internal people other than the manager and their reps, one entry per person. */
  readonly colleagues: readonly string[];
  /** Addresses outside the tenant's domains, one entry per address, in order of appearance. */
  readonly externals: readonly AddressInfo[];
  /** People (not rooms) who declined, left out of every rule. */
  readonly declined: number;
  readonly managerDeclined: boolean;
}

/**
 * Sorts an event's people into the manager, the manager's reps, other colleagues and outsiders.
 * Addresses are matched as the domain stores them (lower-case) against primary addresses and aliases;
 * display names are never looked at. Rooms and resources are not people.
 */
export function participantsOf(event: CalendarEvent, context: ClassificationContext): Participants {
  const reps: Person[] = [];
  const colleagues: string[] = [];
  const externals: AddressInfo[] = [];
  let declined = 0;
  let managerDeclined = false;

  const organizerAddress = event.organizer?.email ?? null;
  const organizerInfo = organizerAddress === null ? undefined : context.addressInfo(organizerAddress);
  const organizerIsManager = organizerInfo?.role === "manager";
  const byManager = organizerIsManager || event.isOrganizer;
  const organizer = byManager ? null : organizerAddress;

  const add = (info: AddressInfo): void => {
    if (info.role === "rep") {
      if (!reps.includes(info.person!)) reps.push(info.person!);
    } else if (info.role === "colleague") {
      if (!colleagues.includes(info.key)) colleagues.push(info.key);
    } else if (info.role === "external" && !externals.includes(info)) {
      externals.push(info);
    }
  };

  if (organizer !== null) add(organizerInfo!);
  for (const attendee of event.attendees) {
    if (attendee.type === "resource") continue;
    const info = context.addressInfo(attendee.email);
    // When a delegate organized for the manager, their address stands for the manager.
    if (info.role === "manager" || (byManager && attendee.email === organizerAddress)) {
      if (attendee.response === "declined") managerDeclined = true;
      continue;
    }
    if (attendee.response === "declined") {
      declined++;
      continue;
    }
    add(info);
  }
  return {
    byManager,
    byDelegate: byManager && !organizerIsManager,
    organizer,
    organizerRep: organizer !== null && organizerInfo!.role === "rep" ? organizerInfo!.person : undefined,
    organizerExternal: organizer !== null && organizerInfo!.role === "external",
    reps,
    colleagues,
    externals,
    declined,
    managerDeclined,
  };
}
