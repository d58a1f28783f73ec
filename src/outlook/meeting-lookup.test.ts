import { describe, expect, it } from "vitest";
import type { ClassifiedEvent, EventsResponse } from "../api/events.ts";
import type { MeResponse } from "../api/me.ts";
import type { ApiClient } from "../ui/api-client.ts";
import { lookUpMeeting } from "./meeting-lookup.ts";
import type { Appointment } from "./office-host.ts";

const MANAGER: MeResponse = {
  tenantId: "tenant",
  mode: "demo",
  person: {
    objectId: "oid-mia",
    email: "mia@contoso.com",
    name: "Mia Manager",
    timeZone: "America/New_York",
  },
  roles: ["manager"],
  manager: { email: "vera@contoso.com", name: "Vera Vice" },
  reports: [{ email: "jane@contoso.com", name: "Jane Rep", role: "rep", reports: [] }],
};
const REP: MeResponse = {
  ...MANAGER,
  person: { objectId: "oid-jane", email: "jane@contoso.com", name: "Jane Rep", timeZone: null },
  roles: ["rep"],
  manager: { email: "mia@contoso.com", name: "Mia Manager" },
  reports: [],
};

const EVENT: ClassifiedEvent = {
  eventId: "AAMkMiasCopy",
  iCalUId: "040000008200E00074C5B7101A82E008",
  start: "2026-03-03T14:00:00Z",
  end: "2026-03-03T15:00:00Z",
  isAllDay: false,
  isCancelled: false,
  isPrivate: false,
  initiator: "rep",
  kind: "customer-call",
  development: "sales",
  reps: ["jane@contoso.com"],
  hours: 1,
  bigDeal: false,
  reasons: ["organized by Jane Rep"],
  customerDomains: ["fabrikam.com"],
  overridden: false,
  override: null,
};

const APPOINTMENT: Appointment = {
  opened: "attendee",
  start: "2026-03-03T14:00:00.000Z",
  end: "2026-03-03T15:00:00.000Z",
  organizer: { name: "Jane Rep", email: "jane@contoso.com" },
  attendees: [],
  itemId: { kind: "known", restId: "AAMkJanesCopy" },
  iCalUId: null,
};

/** The API as far as the lookup uses it: GET /api/events, answered from a fixed calendar. */
function fakeApi(answer: EventsResponse): { readonly api: ApiClient; readonly queries: unknown[] } {
  const queries: unknown[] = [];
  const call = async (route: string, input: unknown) => {
    if (route !== "listEvents") throw new Error(`unexpected call to ${route}`);
    queries.push((input as { query: unknown }).query);
    return answer;
  };
  return { api: { call, callVersioned: async () => ({ body: answer }) } as unknown as ApiClient, queries };
}

describe("lookUpMeeting", () => {
  it("looks in the manager's own calendar over the meeting's times", async () => {
    const { api, queries } = fakeApi({ manager: "mia@contoso.com", events: [EVENT] });
    const lookup = await lookUpMeeting(api, MANAGER, {
      ...APPOINTMENT,
      itemId: { kind: "known", restId: "AAMkMiasCopy" },
    });
    expect(lookup).toEqual({ kind: "found", event: EVENT, by: "id", calendarOwner: "mia@contoso.com" });
    expect(queries).toEqual([{ from: "2026-03-03T14:00:00.000Z", to: "2026-03-03T15:00:00.000Z" }]);
  });

  it("looks in a rep's manager's calendar, for the rep's own meetings", async () => {
    const { api, queries } = fakeApi({ manager: "mia@contoso.com", events: [EVENT] });
    const lookup = await lookUpMeeting(api, REP, APPOINTMENT);
    expect(lookup).toMatchObject({ kind: "found", by: "times", calendarOwner: "mia@contoso.com" });
    expect(queries).toEqual([
      {
        from: "2026-03-03T14:00:00.000Z",
        to: "2026-03-03T15:00:00.000Z",
        manager: "mia@contoso.com",
        rep: "jane@contoso.com",
      },
    ]);
  });

  it("asks by iCalUId when the host knows it, and over a minute for a meeting without length", async () => {
    const { api, queries } = fakeApi({ manager: "mia@contoso.com", events: [EVENT] });
    await lookUpMeeting(api, MANAGER, { ...APPOINTMENT, end: APPOINTMENT.start, iCalUId: EVENT.iCalUId });
    expect(queries).toEqual([
      { from: "2026-03-03T14:00:00.000Z", to: "2026-03-03T14:01:00.000Z", iCalUId: EVENT.iCalUId },
    ]);
  });

  it("asks nothing for a meeting that was never saved, or of someone without a team", async () => {
    const { api, queries } = fakeApi({ manager: "mia@contoso.com", events: [] });
    expect(await lookUpMeeting(api, MANAGER, { ...APPOINTMENT, itemId: { kind: "unsaved" } })).toEqual({
      kind: "unsaved",
    });
    const executive: MeResponse = { ...MANAGER, roles: ["executive"] };
    expect(await lookUpMeeting(api, executive, APPOINTMENT)).toEqual({ kind: "not-in-a-team" });
    expect(await lookUpMeeting(api, { ...REP, manager: null }, APPOINTMENT)).toEqual({
      kind: "not-in-a-team",
    });
    expect(queries).toEqual([]);
  });
});
