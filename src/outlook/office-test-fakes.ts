/*
 * Fakes of Office.js's mailbox for the host adapter's tests, shaped as Outlook hands them over:
 * compose-mode properties answer through getAsync with an AsyncResult ({status, value} or {status,
 * error}) on a later turn, read-mode properties are plain values, people are EmailAddressDetails, and
 * item ids are EWS ids that convertToRestId turns into URL-safe REST ids.
 */

import type {
  OfficeAppointmentCompose,
  OfficeAppointmentRead,
  OfficeAsyncProperty,
  OfficeAsyncResult,
  OfficeEmailAddressDetails,
  OfficeError,
  OfficeItem,
  OfficeMailbox,
} from "./office-types.ts";

/** An EWS id as Outlook gives it (standard base64) and the REST id Graph knows the event by. */
export const EWS_ITEM_ID =
  "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e/T7KzowPTAAAAAAENAAAiIsqMbYjsT5e/T7KzowPTAAAYbvZ+AAA=";
export const REST_ITEM_ID =
  "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAENAAAiIsqMbYjsT5e-T7KzowPTAAAYbvZ_AAA=";

export const ORGANIZER: OfficeEmailAddressDetails = {
  displayName: "Jane Rep",
  emailAddress: "Jane.Rep@contoso.com",
  recipientType: "user",
  appointmentResponse: "organizer",
};

export const REQUIRED: readonly OfficeEmailAddressDetails[] = [
  {
    displayName: "Mia Manager",
    emailAddress: "mia@contoso.com",
    recipientType: "user",
    appointmentResponse: "accepted",
  },
  {
    displayName: "Chris Buyer",
    emailAddress: "chris@fabrikam.com",
    recipientType: "externalUser",
    appointmentResponse: "tentative",
  },
];

export const OPTIONAL: readonly OfficeEmailAddressDetails[] = [
  {
    displayName: "",
    emailAddress: "pat@fabrikam.com",
    recipientType: "externalUser",
    appointmentResponse: "none",
  },
];

export const START = new Date("2026-03-03T14:00:00.000Z");
export const END = new Date("2026-03-03T15:30:00.000Z");

export function succeeded<T>(value: T): OfficeAsyncResult<T> {
  return { status: "succeeded", value };
}

export function failed<T>(error: OfficeError): OfficeAsyncResult<T> {
  return { status: "failed", error };
}

/** Office calls back on a later turn, never inside getAsync. */
export function asyncProperty<T>(result: OfficeAsyncResult<T>): OfficeAsyncProperty<T> {
  return { getAsync: (callback) => void setTimeout(() => callback(result), 0) };
}

export function readItem(overrides: Partial<OfficeAppointmentRead> = {}): OfficeAppointmentRead {
  return {
    itemType: "appointment",
    itemId: EWS_ITEM_ID,
    start: START,
    end: END,
    organizer: ORGANIZER,
    requiredAttendees: REQUIRED,
    optionalAttendees: OPTIONAL,
    ...overrides,
  };
}

export function composeItem(
  options: {
    readonly itemId?: OfficeAsyncResult<string> | "missing";
    readonly organizer?: "missing";
  } & Partial<Omit<OfficeAppointmentCompose, "getItemIdAsync" | "organizer">> = {},
): OfficeAppointmentCompose {
  const { itemId = succeeded(EWS_ITEM_ID), organizer, ...overrides } = options;
  return {
    itemType: "appointment",
    start: asyncProperty(succeeded(START)),
    end: asyncProperty(succeeded(END)),
    ...(organizer === "missing"
      ? {}
      : {
          organizer: asyncProperty(
            succeeded({ displayName: ORGANIZER.displayName, emailAddress: ORGANIZER.emailAddress }),
          ),
        }),
    requiredAttendees: asyncProperty(succeeded(REQUIRED.map(withoutResponse))),
    optionalAttendees: asyncProperty(succeeded(OPTIONAL.map(withoutResponse))),
    ...(itemId === "missing"
      ? {}
      : { getItemIdAsync: (callback) => void setTimeout(() => callback(itemId), 0) }),
    ...overrides,
  };
}

/** While composing, attendees have not answered yet: Outlook leaves appointmentResponse out. */
function withoutResponse(details: OfficeEmailAddressDetails): OfficeEmailAddressDetails {
  return {
    displayName: details.displayName,
    emailAddress: details.emailAddress,
    recipientType: details.recipientType ?? "user",
  };
}

export interface FakeMailbox extends OfficeMailbox {
  readonly conversions: { readonly itemId: string; readonly restVersion: string }[];
}

/** convertToRestId turns base64 into its URL-safe form, as Exchange's REST ids are written. */
export function fakeMailbox(
  item: OfficeItem | null,
  options: { readonly convert?: "missing" | "throws" } = {},
): FakeMailbox {
  const conversions: { itemId: string; restVersion: string }[] = [];
  const convertToRestId = (itemId: string, restVersion: string) => {
    conversions.push({ itemId, restVersion });
    if (options.convert === "throws") throw new Error("Invalid item id");
    return itemId.replaceAll("/", "-").replaceAll("+", "_");
  };
  return {
    item,
    conversions,
    userProfile: { emailAddress: "mia@contoso.com" },
    ...(options.convert === "missing" ? {} : { convertToRestId }),
  };
}
