/**
 * The Graph permissions each call FieldCoach makes needs, least privileged first, as Microsoft's
 * permission tables for these APIs list them. A token provider is given the delegated list of the call
 * it serves (any one suffices); permission failures name it.
 */

export interface GraphPermission {
  /** Delegated (work or school account) permissions, any one of which suffices; least privileged first. */
  readonly delegated: readonly string[];
  /** Application permissions for app-only mode, least privileged first. */
  readonly application: readonly string[];
}

export const PERMISSIONS = {
  /** `calendarView` and `calendarView/delta` (delta has no ReadBasic level). */
  readCalendar: {
    delegated: ["Calendars.Read", "Calendars.ReadWrite"],
    application: ["Calendars.Read", "Calendars.ReadWrite"],
  },
  /**
   * `calendarView` of someone else's calendar. Delegated, Graph opens only calendars their owner shared
   * with the signed-in person, and only with a `.Shared` permission; app-only it opens any mailbox the
   * tenant's grant (best scoped with Exchange RBAC for Applications) reaches.
   */
  readOthersCalendar: {
    delegated: ["Calendars.Read.Shared", "Calendars.ReadWrite.Shared"],
    application: ["Calendars.Read", "Calendars.ReadWrite"],
  },
  /** `calendar/getSchedule`: free/busy, subject and location only. */
  readSchedule: {
    delegated: ["Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"],
    application: ["Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"],
  },
  /** Creating events and writing open extensions on them. */
  writeCalendar: { delegated: ["Calendars.ReadWrite"], application: ["Calendars.ReadWrite"] },
  /** Reading a user by id, their manager and direct reports. */
  readDirectory: {
    delegated: ["User.Read.All", "Directory.Read.All"],
    application: ["User.Read.All", "Directory.Read.All"],
  },
  readMailboxSettings: {
    delegated: ["MailboxSettings.Read", "MailboxSettings.ReadWrite"],
    application: ["MailboxSettings.Read", "MailboxSettings.ReadWrite"],
  },
  /** `/organization` (verified domains). */
  readOrganization: {
    delegated: ["User.Read", "Organization.Read.All", "Directory.Read.All"],
    application: ["Organization.Read.All", "Directory.Read.All"],
  },
} as const satisfies Record<string, GraphPermission>;
