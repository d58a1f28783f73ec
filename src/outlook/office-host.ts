/**
 * The meeting open in Outlook, read through Office.js, behind one small interface so that the same
 * panel also runs in a plain browser (standalone-host.ts) for demos and tests.
 *
 * Organizer (compose) mode reads every property asynchronously, because the person may be editing it;
 * attendee (read) mode has plain values. Outlook's item ids are EWS ids and Graph wants REST ids, so the
 * id is converted; a meeting that was never saved has no id at all.
 */

import type {
  OfficeAppointmentCompose,
  OfficeAppointmentRead,
  OfficeAsyncProperty,
  OfficeCallback,
  OfficeEmailAddressDetails,
  OfficeError,
  OfficeItem,
  OfficeMailbox,
} from "./office-types.ts";

export interface AppointmentPerson {
  /** As Outlook shows it; empty when Outlook has none. */
  readonly name: string;
  /** Lower case. */
  readonly email: string;
}

export type AttendeeResponse = "none" | "organizer" | "tentative" | "accepted" | "declined";

export interface AppointmentAttendee extends AppointmentPerson {
  readonly attendance: "required" | "optional";
  /** Null where Outlook does not say (compose mode, or a value this panel does not know). */
  readonly response: AttendeeResponse | null;
}

/** What is known of the meeting's Graph (REST) id in the opener's mailbox. */
export type AppointmentItemId =
  | { readonly kind: "known"; readonly restId: string }
  /** A new meeting that was never saved: it is in no calendar yet. */
  | { readonly kind: "unsaved" }
  /** Outlook did not give one (an older version, Outlook on phones); the times still identify it. */
  | { readonly kind: "unavailable"; readonly reason: string };

export interface Appointment {
  /** How the meeting was opened: as its organizer, as an attendee, or picked from a list outside Outlook. */
  readonly opened: "organizer" | "attendee" | "standalone";
  /** ISO 8601 instants in UTC. */
  readonly start: string;
  readonly end: string;
  /** Null when the host cannot tell (Outlook before Mailbox 1.7 in compose mode; the standalone list). */
  readonly organizer: AppointmentPerson | null;
  /** Required then optional attendees; empty when the host cannot tell. */
  readonly attendees: readonly AppointmentAttendee[];
  readonly itemId: AppointmentItemId;
  /** Only when the host already knows it (the standalone list); otherwise FieldCoach looks it up. */
  readonly iCalUId: string | null;
}

export interface AppointmentHost {
  read(): Promise<Appointment>;
}

/** Why the open item cannot be read as a meeting; `message` is a sentence for the person. */
export class AppointmentReadError extends Error {
  readonly problem: "no-item" | "not-an-appointment" | "office-failed";

  constructor(problem: AppointmentReadError["problem"], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppointmentReadError";
    this.problem = problem;
  }
}

/** Graph's ids are Outlook REST v2.0 ids. */
export const REST_VERSION = "v2.0";

export function officeAppointmentHost(mailbox: OfficeMailbox): AppointmentHost {
  return {
    async read() {
      const item = mailbox.item;
      if (item === null || item === undefined) {
        throw new AppointmentReadError("no-item", "Open a meeting in your calendar to see FieldCoach here.");
      }
      if (item.itemType !== "appointment") {
        throw new AppointmentReadError(
          "not-an-appointment",
          "FieldCoach works on meetings: open one in your calendar.",
        );
      }
      return isCompose(item)
        ? readCompose(item, mailbox)
        : readAttendeeView(item as OfficeAppointmentRead, mailbox);
    },
  };
}

function isCompose(item: OfficeItem): item is OfficeAppointmentCompose {
  const start: unknown = (item as { start?: unknown }).start;
  return typeof start === "object" && start !== null && "getAsync" in start;
}

async function readCompose(item: OfficeAppointmentCompose, mailbox: OfficeMailbox): Promise<Appointment> {
  const [start, end, organizer, required, optional, itemId] = await Promise.all([
    property(item.start, "start time"),
    property(item.end, "end time"),
    item.organizer === undefined ? Promise.resolve(undefined) : property(item.organizer, "organizer"),
    property(item.requiredAttendees, "required attendees"),
    property(item.optionalAttendees, "optional attendees"),
    composeItemId(item, mailbox),
  ]);
  return {
    opened: "organizer",
    start: instantOf(start, "start time"),
    end: instantOf(end, "end time"),
    organizer: organizer === undefined ? null : personOf(organizer),
    attendees: [...attendeesOf(required, "required"), ...attendeesOf(optional, "optional")],
    itemId,
    iCalUId: null,
  };
}

function readAttendeeView(item: OfficeAppointmentRead, mailbox: OfficeMailbox): Appointment {
  return {
    opened: "attendee",
    start: instantOf(item.start, "start time"),
    end: instantOf(item.end, "end time"),
    organizer: personOf(item.organizer),
    attendees: [
      ...attendeesOf(item.requiredAttendees, "required"),
      ...attendeesOf(item.optionalAttendees, "optional"),
    ],
    itemId: restIdOf(item.itemId, mailbox),
    iCalUId: null,
  };
}

async function composeItemId(
  item: OfficeAppointmentCompose,
  mailbox: OfficeMailbox,
): Promise<AppointmentItemId> {
  const getItemId = item.getItemIdAsync;
  if (getItemId === undefined) {
    return {
      kind: "unavailable",
      reason: "This version of Outlook does not tell add-ins which meeting is open.",
    };
  }
  const result = await new Promise<{ ok: true; id: string } | { ok: false; error: OfficeError }>((resolve) =>
    getItemId.call(item, (answer) =>
      resolve(
        answer.status === "succeeded" ? { ok: true, id: answer.value } : { ok: false, error: answer.error },
      ),
    ),
  );
  if (!result.ok) {
    if (result.error.name === "ItemNotSaved") return { kind: "unsaved" };
    return { kind: "unavailable", reason: `Outlook did not give the meeting's id: ${result.error.message}` };
  }
  return restIdOf(result.id, mailbox);
}

function restIdOf(ewsId: string, mailbox: OfficeMailbox): AppointmentItemId {
  const convert = mailbox.convertToRestId;
  if (convert === undefined) {
    return {
      kind: "unavailable",
      reason: "This version of Outlook cannot convert the meeting's id for Graph.",
    };
  }
  if (ewsId === "") return { kind: "unsaved" };
  try {
    const restId = convert.call(mailbox, ewsId, REST_VERSION);
    if (typeof restId === "string" && restId !== "") return { kind: "known", restId };
    return { kind: "unavailable", reason: "Outlook could not convert the meeting's id for Graph." };
  } catch (error) {
    const detail = error instanceof Error && error.message !== "" ? `: ${error.message}` : "";
    return { kind: "unavailable", reason: `Outlook could not convert the meeting's id for Graph${detail}.` };
  }
}

function property<T>(source: OfficeAsyncProperty<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const callback: OfficeCallback<T> = (result) => {
      if (result.status === "succeeded") resolve(result.value);
      else
        reject(
          new AppointmentReadError(
            "office-failed",
            `Outlook did not give the meeting's ${what}: ${result.error.message}`,
            {
              cause: result.error,
            },
          ),
        );
    };
    source.getAsync(callback);
  });
}

function instantOf(value: unknown, what: string): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new AppointmentReadError("office-failed", `Outlook gave no ${what} for this meeting.`);
  }
  return value.toISOString();
}

function personOf(details: OfficeEmailAddressDetails): AppointmentPerson | null {
  const email = details.emailAddress.trim().toLowerCase();
  if (email === "") return null;
  return { name: details.displayName.trim(), email };
}

const RESPONSES: readonly AttendeeResponse[] = ["none", "organizer", "tentative", "accepted", "declined"];

function attendeesOf(
  list: readonly OfficeEmailAddressDetails[],
  attendance: AppointmentAttendee["attendance"],
): AppointmentAttendee[] {
  return list.flatMap((details) => {
    const person = personOf(details);
    if (person === null) return [];
    const response = RESPONSES.find((known) => known === details.appointmentResponse) ?? null;
    return [{ ...person, attendance, response }];
  });
}
