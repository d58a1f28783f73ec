/**
 * The simulator's mutable tenant: meetings (each stored once, copied into every holder's calendar as
 * `mailbox-copy.ts` says), what each change touched (for delta queries), transaction ids of created
 * events, bodies written as HTML, and open extensions per mailbox copy.
 */

import { createHash } from "node:crypto";
import { hashedGraphIds, mailboxesOf, userByAddress } from "./mailbox-copy.ts";
import type { SimMeeting, SimTenant, SimUser } from "./tenant-data.ts";

export interface EventBody {
  readonly contentType: "text" | "html";
  readonly content: string;
}

/** The zones an event's start and end were written in when it was created. */
export interface CreatedZones {
  readonly start: string;
  readonly end: string;
}

export interface MailboxCopy {
  readonly owner: SimUser;
  readonly meeting: SimMeeting;
}

export class SimState {
  readonly tenant: SimTenant;
  readonly #meetings = new Map<string, SimMeeting>();
  /** Mailbox id → iCalUIds it holds. */
  readonly #calendars = new Map<string, Set<string>>();
  /** Mailbox id → iCalUId → sequence number of the last change that touched this copy. */
  readonly #changes = new Map<string, Map<string, number>>();
  /** Per-mailbox event id → owner and meeting. */
  readonly #byEventId = new Map<string, { readonly ownerId: string; readonly iCalUId: string }>();
  readonly #transactions = new Map<string, string>();
  readonly #transactionOf = new Map<string, string>();
  readonly #bodies = new Map<string, EventBody>();
  readonly #zones = new Map<string, CreatedZones>();
  readonly #extensions = new Map<string, Map<string, Record<string, unknown>>>();
  readonly #usersById: ReadonlyMap<string, SimUser>;
  #sequence = 0;
  #snapshot: SimTenant | undefined;

  constructor(tenant: SimTenant) {
    this.tenant = tenant;
    this.#usersById = new Map(tenant.users.map((user) => [user.id, user]));
    for (const meeting of tenant.meetings) this.#put(meeting.iCalUId, meeting);
  }

  /** The last change's sequence number; delta rounds are cut at it. */
  get sequence(): number {
    return this.#sequence;
  }

  /** The tenant as it stands now (for the pure builders that take a whole tenant). */
  snapshot(): SimTenant {
    this.#snapshot ??= { ...this.tenant, meetings: [...this.#meetings.values()] };
    return this.#snapshot;
  }

  user(idOrAddress: string): SimUser | undefined {
    return this.#usersById.get(idOrAddress) ?? userByAddress(this.tenant, idOrAddress);
  }

  meeting(iCalUId: string): SimMeeting | undefined {
    return this.#meetings.get(iCalUId);
  }

  meetings(): readonly SimMeeting[] {
    return this.snapshot().meetings;
  }

  eventId(ownerId: string, iCalUId: string): string {
    return hashedGraphIds.eventId(ownerId, iCalUId);
  }

  /** The copy of a meeting an event id names in a mailbox, if that mailbox holds it. */
  copyByEventId(ownerId: string, eventId: string): MailboxCopy | undefined {
    const found = this.#byEventId.get(eventId);
    if (found === undefined || found.ownerId !== ownerId) return undefined;
    const meeting = this.#meetings.get(found.iCalUId);
    const owner = this.#usersById.get(ownerId);
    return meeting === undefined || owner === undefined ? undefined : { owner, meeting };
  }

  /** The meetings a mailbox holds, in no particular order. */
  calendarOf(ownerId: string): readonly SimMeeting[] {
    return [...(this.#calendars.get(ownerId) ?? [])].map((id) => this.#meetings.get(id)!);
  }

  /** iCalUIds whose copy in the mailbox changed after `since` and at or before `upTo`, with their last change. */
  changedIn(ownerId: string, since: number, upTo: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const [iCalUId, seq] of this.#changes.get(ownerId) ?? [])
      if (seq > since && seq <= upTo) out.set(iCalUId, seq);
    return out;
  }

  lastChangeOf(ownerId: string, iCalUId: string): number | undefined {
    return this.#changes.get(ownerId)?.get(iCalUId);
  }

  holds(ownerId: string, iCalUId: string): boolean {
    return this.#calendars.get(ownerId)?.has(iCalUId) ?? false;
  }

  /** Adds, replaces (same iCalUId) or, with `undefined`, removes a meeting; every copy it touches changes. */
  setMeeting(iCalUId: string, meeting: SimMeeting | undefined): void {
    if (meeting !== undefined && meeting.iCalUId !== iCalUId)
      throw new RangeError("a meeting keeps its iCalUId");
    this.#sequence += 1;
    this.#snapshot = undefined;
    this.#put(iCalUId, meeting);
  }

  /** The meeting created earlier in this organizer's mailbox with this transaction id. */
  meetingOfTransaction(organizerId: string, transactionId: string): string | undefined {
    return this.#transactions.get(`${organizerId}|${transactionId}`);
  }

  transactionIdOf(iCalUId: string): string | undefined {
    return this.#transactionOf.get(iCalUId);
  }

  /** Stores a meeting created through the API, its transaction id and its body as written. */
  addCreated(
    organizerId: string,
    meeting: SimMeeting,
    transactionId: string | undefined,
    body: EventBody,
    zones: CreatedZones,
  ): void {
    this.#zones.set(meeting.iCalUId, zones);
    if (transactionId !== undefined) {
      this.#transactions.set(`${organizerId}|${transactionId}`, meeting.iCalUId);
      this.#transactionOf.set(meeting.iCalUId, transactionId);
    }
    this.#bodies.set(meeting.iCalUId, body);
    this.setMeeting(meeting.iCalUId, meeting);
  }

  bodyOf(iCalUId: string): EventBody | undefined {
    return this.#bodies.get(iCalUId);
  }

  /** For events created through the API: the zones the organizer wrote; otherwise the organizer's mailbox zone. */
  originalZonesOf(meeting: SimMeeting): CreatedZones {
    const created = this.#zones.get(meeting.iCalUId);
    if (created !== undefined) return created;
    const zone = userByAddress(this.tenant, meeting.organizer)?.timeZone ?? "UTC";
    return { start: zone, end: zone };
  }

  /** A new iCalUId in Exchange's shape, derived from the tenant and a counter so runs repeat. */
  newICalUId(): string {
    const hex = createHash("sha256")
      .update(`${this.tenant.tenantId}|created|${this.#sequence}|${this.#meetings.size}`)
      .digest("hex");
    return `040000008200E00074C5B7101A82E00800000000${hex.slice(0, 48).toUpperCase()}`;
  }

  extensionsOf(ownerId: string, iCalUId: string): ReadonlyMap<string, Record<string, unknown>> {
    return this.#extensions.get(`${ownerId}|${iCalUId}`) ?? new Map();
  }

  /** Creates the named extension on a mailbox's copy, or merges the properties into the existing one. */
  putExtension(
    ownerId: string,
    iCalUId: string,
    name: string,
    properties: Record<string, unknown>,
  ): Record<string, unknown> {
    const key = `${ownerId}|${iCalUId}`;
    const all = this.#extensions.get(key) ?? new Map<string, Record<string, unknown>>();
    const merged = { ...all.get(name.toLowerCase()), ...properties, extensionName: name };
    all.set(name.toLowerCase(), merged);
    this.#extensions.set(key, all);
    return merged;
  }

  #put(iCalUId: string, meeting: SimMeeting | undefined): void {
    const before = this.#meetings.get(iCalUId);
    const holdersBefore = before === undefined ? [] : mailboxesOf(before, this.tenant);
    const holdersAfter = meeting === undefined ? [] : mailboxesOf(meeting, this.tenant);
    if (meeting === undefined) this.#meetings.delete(iCalUId);
    else this.#meetings.set(iCalUId, meeting);
    for (const ownerId of new Set([...holdersBefore, ...holdersAfter])) {
      const holds = holdersAfter.includes(ownerId);
      const calendar = this.#calendars.get(ownerId) ?? new Set<string>();
      const eventId = this.eventId(ownerId, iCalUId);
      if (holds) {
        calendar.add(iCalUId);
        this.#byEventId.set(eventId, { ownerId, iCalUId });
      } else {
        calendar.delete(iCalUId);
        this.#byEventId.delete(eventId);
      }
      this.#calendars.set(ownerId, calendar);
      const changes = this.#changes.get(ownerId) ?? new Map<string, number>();
      changes.set(iCalUId, this.#sequence);
      this.#changes.set(ownerId, changes);
    }
  }
}
