import type { CalendarEvent } from "./calendar-event.ts";
import type { ClassificationContext } from "./classify-context.ts";
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
  /** Addresses outside the tenant's domains, in order of appearance. */
  readonly externals: readonly string[];
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
  const { managerAddresses, repsByAddress, org } = context;
  const reps: Person[] = [];
  const colleagues: string[] = [];
  const externals: string[] = [];
  let declined = 0;
  let managerDeclined = false;

  const organizerAddress = event.organizer?.email ?? null;
  const organizerIsManager = organizerAddress !== null && managerAddresses.has(organizerAddress);
  const byManager = organizerIsManager || event.isOrganizer;
  const organizer = byManager ? null : organizerAddress;
  let organizerRep: Person | undefined;
  let organizerExternal = false;

  const addPerson = (address: string): void => {
    const rep = repsByAddress.get(address);
    if (rep !== undefined) {
      if (!reps.includes(rep)) reps.push(rep);
    } else if (org.isInternalAddress(address)) {
      const key = org.personByAddress(address)?.email ?? address;
      if (!colleagues.includes(key)) colleagues.push(key);
    } else if (!externals.includes(address)) {
      externals.push(address);
    }
  };

  if (organizer !== null) {
    organizerRep = repsByAddress.get(organizer);
    organizerExternal = organizerRep === undefined && !org.isInternalAddress(organizer);
    addPerson(organizer);
  }
  for (const attendee of event.attendees) {
    if (attendee.type === "resource") continue;
    // When a delegate organized for the manager, their address stands for the manager.
    if (managerAddresses.has(attendee.email) || (byManager && attendee.email === organizerAddress)) {
      if (attendee.response === "declined") managerDeclined = true;
      continue;
    }
    if (attendee.response === "declined") {
      declined++;
      continue;
    }
    addPerson(attendee.email);
  }
  return {
    byManager,
    byDelegate: byManager && !organizerIsManager,
    organizer,
    organizerRep,
    organizerExternal,
    reps,
    colleagues,
    externals,
    declined,
    managerDeclined,
  };
}
