/**
 * Directory sync: the org trees the signed-in person and everyone already known belong to, read from
 * Graph (manager chain up to the top, then everyone below), with time zones and working hours and the
 * tenant's verified domains, written to the store as one replacement of the directory, each person with
 * their SMTP aliases and hire date. Roles follow the reporting lines: reports who have reports make an
 * executive, reports a manager.
 *
 * With delegated permissions a person may read only their own mailbox settings, so everyone else's
 * working hours and zone come from getSchedule, which returns them for anyone in the organisation.
 */

import {
  type DirectoryPerson,
  isGraphFailure,
  type OrgDirectory,
  type ScheduleReader,
} from "../../domain/graph-ports.ts";
import { type Instant, MS_PER_DAY } from "../../domain/instant.ts";
import { toIanaZone } from "../../domain/time-zone.ts";
import type { WorkWeek } from "../../domain/working-hours.ts";
import type { PersonInput, ReportingLineInput } from "../../store/repositories/people.ts";
import type { StoredWorkingHours } from "../../store/schema.ts";
import type { Store } from "../../store/store.ts";
import { verifiedDomainsPatch } from "../tenant-settings.ts";

export interface SyncDirectoryInput {
  readonly tenantId: string;
  readonly directory: OrgDirectory;
  readonly schedules: ScheduleReader;
  readonly store: Store;
  readonly now: Instant;
  /** The signed-in person: their tree is read even when nobody of it is known yet. */
  readonly fromObjectId: string;
}

export interface DirectorySyncResult {
  readonly people: number;
  readonly removed: number;
  /** People without a mailbox address, left out because FieldCoach knows people by address. */
  readonly withoutMailbox: number;
}

/** More levels than any real org chart; a deeper chain means a loop in the directory. */
const MAX_LEVELS = 25;

export async function syncDirectory(input: SyncDirectoryInput): Promise<DirectorySyncResult> {
  const { tenantId, directory, store, now } = input;
  const known = await store.people.list(tenantId);
  const roots = new Set<string>([await topOf(directory, input.fromObjectId)]);
  for (const person of known) {
    if (person.managerObjectId === null && known.some((other) => other.managerObjectId === person.objectId)) {
      roots.add(person.objectId);
    }
  }

  const people = new Map<string, DirectoryPerson>();
  const lines: ReportingLineInput[] = [];
  for (const rootId of roots) {
    if (people.has(rootId)) continue;
    const subtree = await directory.subtree(rootId).catch((error: unknown) => {
      // A stored root that left the directory is simply not read again.
      if (rootId !== input.fromObjectId && isNotFound(error)) return undefined;
      throw error;
    });
    if (subtree === undefined) continue;
    people.set(subtree.root.id, subtree.root);
    for (const member of subtree.members) {
      people.set(member.person.id, member.person);
      lines.push({ personObjectId: member.person.id, managerObjectId: member.managerId, source: "graph" });
    }
  }

  const withMailbox = [...people.values()].filter((person) => person.email !== null);
  const own = (await directory.mailboxSettings([input.fromObjectId])).get(input.fromObjectId);
  const hours = await input.schedules.schedules(
    input.fromObjectId,
    withMailbox.map((person) => person.email!),
    { start: now, end: now + MS_PER_DAY },
  );
  const weeks = new Map(hours.schedules.map((schedule) => [schedule.email, schedule.workWeek]));
  const reportsOf = new Map<string, string[]>();
  for (const line of lines)
    reportsOf.set(line.managerObjectId, [
      ...(reportsOf.get(line.managerObjectId) ?? []),
      line.personObjectId,
    ]);
  const roleOf = (id: string): PersonInput["role"] => {
    const reports = reportsOf.get(id) ?? [];
    if (reports.length === 0) return "rep";
    return reports.some((report) => (reportsOf.get(report) ?? []).length > 0) ? "executive" : "manager";
  };
  const aliasesOf = uniqueAliases(withMailbox);
  const inputs: PersonInput[] = withMailbox.map((person) => {
    const email = person.email!;
    return {
      objectId: person.id,
      email,
      name: person.displayName ?? email,
      aliases: aliasesOf(person),
      role: roleOf(person.id),
      ...(person.id === input.fromObjectId && own !== undefined
        ? zoneAndHours(own.timeZone, own.usable ? own.workWeek : undefined)
        : zoneAndHours(null, weeks.get(email))),
      hireDate: person.hireDate,
    };
  });
  const stored = new Set(inputs.map((person) => person.objectId));
  const domains = await directory.tenantDomains();

  if ((await store.tenants.get(tenantId)) === undefined) await store.tenants.upsert(tenantId, null, now);
  const change = await store.transaction(async (tx) => {
    // Only the domains: an administrator's settings saved meanwhile stay as they were saved.
    await tx.tenants.updateSettings(tenantId, verifiedDomainsPatch(domains), now);
    return tx.people.replaceDirectory(
      tenantId,
      {
        people: inputs,
        lines: lines.filter((line) => stored.has(line.personObjectId) && stored.has(line.managerObjectId)),
      },
      now,
    );
  });
  return { people: change.upserted, removed: change.removed, withoutMailbox: people.size - inputs.length };
}

/**
 * Each person's other addresses (SMTP aliases, and the sign-in name when it differs from the mailbox
 * address), by which meetings name them. An address is one person's only: one that is someone else's
 * primary address, or that two people list, is left out rather than matched to the wrong person.
 */
function uniqueAliases(people: readonly DirectoryPerson[]): (person: DirectoryPerson) => string[] {
  const candidates = new Map<string, string[]>();
  for (const person of people) {
    const upn = person.userPrincipalName?.toLowerCase();
    const own = new Set([...person.aliases, ...(upn === undefined ? [] : [upn])]);
    own.delete(person.email!);
    candidates.set(person.id, [...own]);
  }
  const claims = new Map<string, number>();
  for (const person of people) claims.set(person.email!, 2);
  for (const list of candidates.values())
    for (const address of list) claims.set(address, (claims.get(address) ?? 0) + 1);
  return (person) => (candidates.get(person.id) ?? []).filter((address) => claims.get(address) === 1);
}

async function topOf(directory: OrgDirectory, objectId: string): Promise<string> {
  let top = objectId;
  const seen = new Set([objectId]);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const manager = await directory.manager(top);
    if (manager === undefined || seen.has(manager.id)) return top;
    seen.add(manager.id);
    top = manager.id;
  }
  return top;
}

function zoneAndHours(
  mailboxZone: string | null,
  week: WorkWeek | undefined,
): Pick<PersonInput, "timeZone" | "workingHours"> {
  const timeZone = mailboxZone === null ? null : (toIanaZone(mailboxZone) ?? null);
  // Outlook's custom zones have no IANA name to store; their hours are read again from getSchedule.
  if (week === undefined || week.zone.type !== "iana") return { timeZone, workingHours: null };
  const workingHours: StoredWorkingHours = {
    daysOfWeek: [...week.daysOfWeek],
    startTime: week.startTime,
    endTime: week.endTime,
    timeZone: week.zone.name,
  };
  return { timeZone: timeZone ?? week.zone.name, workingHours };
}

function isNotFound(error: unknown): boolean {
  return isGraphFailure(error) && error.kind === "not-found";
}
