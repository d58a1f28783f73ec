import { describe, expect, it } from "vitest";
import { AppointmentReadError, officeAppointmentHost } from "./office-host.ts";
import {
  asyncProperty,
  composeItem,
  EWS_ITEM_ID,
  failed,
  fakeMailbox,
  REST_ITEM_ID,
  readItem,
} from "./office-test-fakes.ts";

describe("officeAppointmentHost in attendee (read) mode", () => {
  it("reads the plain values and converts the EWS id to the Graph id", async () => {
    const mailbox = fakeMailbox(readItem());
    const appointment = await officeAppointmentHost(mailbox).read();
    expect(appointment).toEqual({
      opened: "attendee",
      start: "2026-03-03T14:00:00.000Z",
      end: "2026-03-03T15:30:00.000Z",
      organizer: { name: "Jane Rep", email: "jane.rep@contoso.com" },
      attendees: [
        { name: "Mia Manager", email: "mia@contoso.com", attendance: "required", response: "accepted" },
        { name: "Chris Buyer", email: "chris@fabrikam.com", attendance: "required", response: "tentative" },
        { name: "", email: "pat@fabrikam.com", attendance: "optional", response: "none" },
      ],
      itemId: { kind: "known", restId: REST_ITEM_ID },
      iCalUId: null,
    });
    expect(mailbox.conversions).toEqual([{ itemId: EWS_ITEM_ID, restVersion: "v2.0" }]);
  });

  it("says the id is unavailable where Outlook cannot convert it, and keeps the times", async () => {
    const throwing = await officeAppointmentHost(fakeMailbox(readItem(), { convert: "throws" })).read();
    expect(throwing.itemId).toEqual({
      kind: "unavailable",
      reason: "Outlook could not convert the meeting's id for Graph: Invalid item id.",
    });
    expect(throwing.start).toBe("2026-03-03T14:00:00.000Z");

    const phone = await officeAppointmentHost(fakeMailbox(readItem(), { convert: "missing" })).read();
    expect(phone.itemId).toEqual({
      kind: "unavailable",
      reason: "This version of Outlook cannot convert the meeting's id for Graph.",
    });
  });

  it("leaves out attendees without an address and responses it does not know", async () => {
    const item = readItem({
      requiredAttendees: [
        { displayName: "Sales team", emailAddress: "", recipientType: "distributionList" },
        {
          displayName: "Ana",
          emailAddress: "ANA@contoso.com",
          recipientType: "user",
          appointmentResponse: "maybe",
        },
      ],
      optionalAttendees: [],
    });
    const appointment = await officeAppointmentHost(fakeMailbox(item)).read();
    expect(appointment.attendees).toEqual([
      { name: "Ana", email: "ana@contoso.com", attendance: "required", response: null },
    ]);
  });

  it("refuses a start that is not a date", async () => {
    const item = readItem({ start: new Date(Number.NaN) });
    await expect(officeAppointmentHost(fakeMailbox(item)).read()).rejects.toThrow(
      "Outlook gave no start time for this meeting.",
    );
  });
});

describe("officeAppointmentHost in organizer (compose) mode", () => {
  it("reads every property through its async getter and the id through getItemIdAsync", async () => {
    const mailbox = fakeMailbox(composeItem());
    const appointment = await officeAppointmentHost(mailbox).read();
    expect(appointment).toEqual({
      opened: "organizer",
      start: "2026-03-03T14:00:00.000Z",
      end: "2026-03-03T15:30:00.000Z",
      organizer: { name: "Jane Rep", email: "jane.rep@contoso.com" },
      attendees: [
        { name: "Mia Manager", email: "mia@contoso.com", attendance: "required", response: null },
        { name: "Chris Buyer", email: "chris@fabrikam.com", attendance: "required", response: null },
        { name: "", email: "pat@fabrikam.com", attendance: "optional", response: null },
      ],
      itemId: { kind: "known", restId: REST_ITEM_ID },
      iCalUId: null,
    });
    expect(mailbox.conversions).toEqual([{ itemId: EWS_ITEM_ID, restVersion: "v2.0" }]);
  });

  it("knows a meeting that was never saved from getItemIdAsync's ItemNotSaved", async () => {
    const item = composeItem({
      itemId: failed({ name: "ItemNotSaved", message: "The item has not been saved yet.", code: 9_044 }),
    });
    const mailbox = fakeMailbox(item);
    const appointment = await officeAppointmentHost(mailbox).read();
    expect(appointment.itemId).toEqual({ kind: "unsaved" });
    expect(mailbox.conversions).toEqual([]);
    expect(appointment.start).toBe("2026-03-03T14:00:00.000Z");
  });

  it("passes on other getItemIdAsync failures as an unavailable id", async () => {
    const item = composeItem({
      itemId: failed({ name: "InternalServerError", message: "The mailbox is busy.", code: 5_001 }),
    });
    const appointment = await officeAppointmentHost(fakeMailbox(item)).read();
    expect(appointment.itemId).toEqual({
      kind: "unavailable",
      reason: "Outlook did not give the meeting's id: The mailbox is busy.",
    });
  });

  it("works on Mailbox 1.5, without getItemIdAsync or the organizer getter", async () => {
    const item = composeItem({ itemId: "missing", organizer: "missing" });
    const appointment = await officeAppointmentHost(fakeMailbox(item)).read();
    expect(appointment.organizer).toBeNull();
    expect(appointment.itemId).toEqual({
      kind: "unavailable",
      reason: "This version of Outlook does not tell add-ins which meeting is open.",
    });
    expect(appointment.attendees).toHaveLength(3);
  });

  it("fails with Outlook's words when a getter fails", async () => {
    const item = composeItem({
      end: asyncProperty(failed({ name: "GenericResponseError", message: "Try again later.", code: 9_020 })),
    });
    const reading = officeAppointmentHost(fakeMailbox(item)).read();
    await expect(reading).rejects.toBeInstanceOf(AppointmentReadError);
    await expect(reading).rejects.toThrow("Outlook did not give the meeting's end time: Try again later.");
  });
});

describe("officeAppointmentHost without a meeting", () => {
  it("asks for a meeting when nothing or a message is open", async () => {
    await expect(officeAppointmentHost(fakeMailbox(null)).read()).rejects.toMatchObject({
      problem: "no-item",
    });
    await expect(officeAppointmentHost(fakeMailbox({ itemType: "message" })).read()).rejects.toMatchObject({
      problem: "not-an-appointment",
      message: "FieldCoach works on meetings: open one in your calendar.",
    });
  });
});
