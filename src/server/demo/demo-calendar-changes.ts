/**
 * The simulator keeps its calendars in memory; what changed since the demo tenant was generated (field
 * days FieldCoach booked, meetings moved or removed) is written to the data folder and put back at the
 * next start, so a restart of the demo still shows them. Open extensions on events are not kept.
 */

import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CreatedZones, EventBody, SimState } from "../../graph-sim/sim-state.ts";
import type { SimMeeting, SimTenant } from "../../graph-sim/tenant-data.ts";

export const CALENDAR_CHANGES_FILE = "demo-calendar-changes.json";

interface CreatedMeeting {
  readonly organizerId: string;
  readonly transactionId: string | null;
  readonly body: EventBody | null;
  readonly zones: CreatedZones;
  readonly meeting: SimMeeting;
}

export interface CalendarChanges {
  readonly created: readonly CreatedMeeting[];
  /** Generated meetings whose content changed. */
  readonly changed: readonly SimMeeting[];
  /** iCalUIds of generated meetings that are gone. */
  readonly removed: readonly string[];
}

/** What differs between the simulator's calendars and the tenant it was started with. */
export function calendarChangesOf(generated: SimTenant, state: SimState): CalendarChanges {
  const original = new Map(generated.meetings.map((meeting) => [meeting.iCalUId, meeting]));
  const created: CreatedMeeting[] = [];
  const changed: SimMeeting[] = [];
  const current = new Set<string>();
  for (const meeting of state.meetings()) {
    current.add(meeting.iCalUId);
    const before = original.get(meeting.iCalUId);
    if (before === undefined) {
      const organizer = state.user(meeting.organizer);
      if (organizer === undefined) continue;
      created.push({
        organizerId: organizer.id,
        transactionId: state.transactionIdOf(meeting.iCalUId) ?? null,
        body: state.bodyOf(meeting.iCalUId) ?? null,
        zones: state.originalZonesOf(meeting),
        meeting,
      });
    } else if (before !== meeting) {
      changed.push(meeting);
    }
  }
  const removed = [...original.keys()].filter((iCalUId) => !current.has(iCalUId));
  return { created, changed, removed };
}

export async function readCalendarChanges(dataDir: string): Promise<CalendarChanges | undefined> {
  const path = join(dataDir, CALENDAR_CHANGES_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as CalendarChanges;
  } catch {
    throw new Error(`${path} is not valid JSON; start with --fresh to make a new demo tenant.`);
  }
}

/** Writes through a temporary file, so a crash mid-write leaves the previous changes readable. */
export async function writeCalendarChanges(dataDir: string, changes: CalendarChanges): Promise<void> {
  const path = join(dataDir, CALENDAR_CHANGES_FILE);
  await writeFile(`${path}.tmp`, JSON.stringify(changes));
  await rename(`${path}.tmp`, path);
}

/** Puts saved changes back into a freshly started simulator. */
export function applyCalendarChanges(state: SimState, changes: CalendarChanges): void {
  for (const iCalUId of changes.removed) state.setMeeting(iCalUId, undefined);
  for (const meeting of changes.changed) state.setMeeting(meeting.iCalUId, meeting);
  for (const created of changes.created) {
    state.addCreated(
      created.organizerId,
      created.meeting,
      created.transactionId ?? undefined,
      created.body ?? { contentType: "text", content: created.meeting.body },
      created.zones,
    );
  }
}
