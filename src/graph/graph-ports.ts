/** Every port the Graph adapter provides, over one client (one token provider, one set of limits). */

import type {
  CalendarReader,
  EventSessionLinks,
  EventWriter,
  OrgDirectory,
  ScheduleReader,
} from "../domain/graph-ports.ts";
import { createCalendarReader } from "./calendar-reader.ts";
import type { GraphClient } from "./client.ts";
import { createEventWriter } from "./create-field-day.ts";
import { createEventSessionLinks } from "./event-extension.ts";
import { createScheduleReader } from "./get-schedule.ts";
import { createOrgDirectory } from "./org-directory.ts";
import { createEventSubscriptions, type EventSubscriptions } from "./subscriptions.ts";

export interface GraphPorts {
  readonly directory: OrgDirectory;
  readonly calendars: CalendarReader;
  readonly schedules: ScheduleReader;
  readonly events: EventWriter;
  readonly sessions: EventSessionLinks;
  /** Change-notification subscriptions on a mailbox's events. */
  readonly subscriptions: EventSubscriptions;
}

export function createGraphPorts(client: GraphClient): GraphPorts {
  return {
    directory: createOrgDirectory(client),
    calendars: createCalendarReader(client),
    schedules: createScheduleReader(client),
    events: createEventWriter(client),
    sessions: createEventSessionLinks(client),
    subscriptions: createEventSubscriptions(client),
  };
}
