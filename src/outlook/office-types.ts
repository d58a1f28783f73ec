/*
 * The part of Office.js the panel uses, typed structurally as Office.js behaves at run time (an
 * AsyncResult's status is the string "succeeded" or "failed"; @types/office-js declares a numeric enum).
 * Everything newer than Mailbox 1.5, the manifest's minimum, is optional and feature-detected.
 */

export interface OfficeError {
  readonly name: string;
  readonly message: string;
  readonly code: number;
}

export type OfficeAsyncResult<T> =
  | { readonly status: "succeeded"; readonly value: T; readonly error?: undefined }
  | { readonly status: "failed"; readonly value?: unknown; readonly error: OfficeError };

export type OfficeCallback<T> = (result: OfficeAsyncResult<T>) => void;

/** A recipient, organizer or attendee as Outlook describes them. */
export interface OfficeEmailAddressDetails {
  readonly displayName: string;
  readonly emailAddress: string;
  /** "user", "externalUser", "distributionList" or "other"; absent for an organizer read in compose mode. */
  readonly recipientType?: string;
  /** "none", "organizer", "tentative", "accepted" or "declined"; only on attendees. */
  readonly appointmentResponse?: string;
}

/** A property the person may be editing: compose mode reads it asynchronously. */
export interface OfficeAsyncProperty<T> {
  getAsync(callback: OfficeCallback<T>): void;
}

/** Organizer (compose) mode: the meeting the person is creating or editing. */
export interface OfficeAppointmentCompose {
  readonly itemType: string;
  readonly start: OfficeAsyncProperty<Date>;
  readonly end: OfficeAsyncProperty<Date>;
  /** Mailbox 1.7. */
  readonly organizer?: OfficeAsyncProperty<OfficeEmailAddressDetails>;
  readonly requiredAttendees: OfficeAsyncProperty<readonly OfficeEmailAddressDetails[]>;
  readonly optionalAttendees: OfficeAsyncProperty<readonly OfficeEmailAddressDetails[]>;
  /** Mailbox 1.8; fails with ItemNotSaved for a meeting that was never saved. */
  readonly getItemIdAsync?: (callback: OfficeCallback<string>) => void;
}

/** Attendee (read) mode: plain values. */
export interface OfficeAppointmentRead {
  readonly itemType: string;
  /** The EWS id; convertToRestId turns it into the Graph id. */
  readonly itemId: string;
  readonly start: Date;
  readonly end: Date;
  readonly organizer: OfficeEmailAddressDetails;
  readonly requiredAttendees: readonly OfficeEmailAddressDetails[];
  readonly optionalAttendees: readonly OfficeEmailAddressDetails[];
}

export type OfficeItem = OfficeAppointmentCompose | OfficeAppointmentRead | { readonly itemType: string };

export interface OfficeMailbox {
  readonly item: OfficeItem | null | undefined;
  readonly userProfile?: { readonly emailAddress?: string };
  readonly diagnostics?: { readonly hostName?: string };
  /** Mailbox 1.3; not on Outlook for Android and iOS, and it throws on an id it cannot read. */
  readonly convertToRestId?: (itemId: string, restVersion: string) => string;
  /** Mailbox 1.5 for ItemChanged, 1.14 for OfficeThemeChanged. */
  readonly addHandlerAsync?: (
    eventType: string,
    handler: (event: unknown) => void,
    callback?: OfficeCallback<void>,
  ) => void;
}

export interface OfficeTheme {
  readonly bodyBackgroundColor?: string;
}

export interface OfficeContext {
  readonly mailbox?: OfficeMailbox;
  /** Mailbox 1.14 in Outlook. */
  readonly officeTheme?: OfficeTheme;
  readonly displayLanguage?: string;
  readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
}

export interface OfficeApi {
  onReady(): Promise<{ readonly host: string | null; readonly platform: string | null }>;
  readonly context: OfficeContext;
  /** Office's own single sign-on (IdentityAPI). */
  readonly auth?: {
    getAccessToken(options?: {
      readonly allowSignInPrompt?: boolean;
      readonly allowConsentPrompt?: boolean;
    }): Promise<string>;
  };
}
