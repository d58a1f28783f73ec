/**
 * The org from the directory: a person, their manager, their direct reports, everyone below an
 * executive (walked level by level, each level's `directReports` read through `$batch`), mailbox
 * settings of many people (batched too) and the tenant's verified domains.
 */

import type { DirectoryPerson, MailboxSettings, OrgDirectory, ReportingLine } from "../domain/graph-ports.ts";
import { InputError } from "../domain/input-error.ts";
import { type BatchItem, sendBatch } from "./batch.ts";
import { type GraphClient, withQuery } from "./client.ts";
import { directoryPeopleOf, directoryPersonOf, PERSON_FIELDS, verifiedDomainsOf } from "./map-directory.ts";
import { GraphError, malformedAnswer } from "./map-error.ts";
import { MAILBOX_SETTINGS_FIELDS, mailboxSettingsOf } from "./map-mailbox-settings.ts";
import { PERMISSIONS } from "./permissions.ts";

const SELECT_PERSON = { $select: PERSON_FIELDS.join(",") };
/** Graph's largest page for directory collections. */
const DIRECTORY_PAGE_SIZE = "999";

export function createOrgDirectory(client: GraphClient): OrgDirectory {
  const readOne = async (url: string, what: string): Promise<DirectoryPerson | undefined> => {
    try {
      const result = await client.send({ method: "GET", url, permission: PERMISSIONS.readDirectory });
      return mapped(() => directoryPersonOf(result.body, "$"), what);
    } catch (error) {
      if (error instanceof GraphError && error.kind === "not-found") return undefined;
      throw error;
    }
  };

  return {
    person: (userId) =>
      readOne(withQuery(`/users/${encodeURIComponent(userId)}`, SELECT_PERSON), `user ${userId}`),

    manager: (userId) =>
      readOne(
        withQuery(`/users/${encodeURIComponent(userId)}/manager`, SELECT_PERSON),
        `the manager of ${userId}`,
      ),

    async directReports(userId) {
      const [reports] = await reportsOf(client, [userId]);
      return reports!;
    },

    async subtree(rootId) {
      const root = await readOne(
        withQuery(`/users/${encodeURIComponent(rootId)}`, SELECT_PERSON),
        `user ${rootId}`,
      );
      if (root === undefined) {
        throw new GraphError({
          kind: "not-found",
          status: 404,
          code: "Request_ResourceNotFound",
          message: `No user ${rootId} in the directory`,
        });
      }
      const members: ReportingLine[] = [];
      const seen = new Set([root.id]);
      for (let level = [root.id]; level.length > 0; ) {
        const reports = await reportsOf(client, level);
        const next: string[] = [];
        reports.forEach((people, i) => {
          for (const person of people) {
            // A directory with a reporting loop would otherwise be walked forever.
            if (seen.has(person.id)) continue;
            seen.add(person.id);
            members.push({ person, managerId: level[i]! });
            next.push(person.id);
          }
        });
        level = next;
      }
      return { root, members };
    },

    async mailboxSettings(userIds) {
      const outcomes = await sendBatch(
        client,
        PERMISSIONS.readMailboxSettings,
        userIds.map((id) => ({
          method: "GET",
          url: withQuery(`/users/${encodeURIComponent(id)}/mailboxSettings`, {
            $select: MAILBOX_SETTINGS_FIELDS.join(","),
          }),
          mailbox: id,
        })),
        { idempotent: true },
      );
      const out = new Map<string, MailboxSettings>();
      outcomes.forEach((outcome, i) => {
        if (outcome.ok) {
          out.set(
            userIds[i]!,
            mapped(() => mailboxSettingsOf(outcome.body, "$"), `the mailbox settings of ${userIds[i]}`),
          );
        } else if (outcome.error.kind !== "not-found") {
          throw outcome.error;
        }
      });
      return out;
    },

    async tenantDomains() {
      const result = await client.send({
        method: "GET",
        url: withQuery("/organization", { $select: "verifiedDomains" }),
        permission: PERMISSIONS.readOrganization,
      });
      return mapped(() => verifiedDomainsOf(result.body, "$"), "the organization");
    },
  };
}

/** Each manager's direct reports (all pages), read in `$batch` calls; one list per manager, in order. */
async function reportsOf(client: GraphClient, managerIds: readonly string[]): Promise<DirectoryPerson[][]> {
  const lists: DirectoryPerson[][] = managerIds.map(() => []);
  let pending: { index: number; url: string }[] = managerIds.map((id, index) => ({
    index,
    url: withQuery(`/users/${encodeURIComponent(id)}/directReports`, {
      ...SELECT_PERSON,
      $top: DIRECTORY_PAGE_SIZE,
    }),
  }));
  while (pending.length > 0) {
    const items: BatchItem[] = pending.map((p) => ({ method: "GET", url: p.url }));
    const outcomes = await sendBatch(client, PERMISSIONS.readDirectory, items, { idempotent: true });
    const next: { index: number; url: string }[] = [];
    outcomes.forEach((outcome, i) => {
      const { index } = pending[i]!;
      if (!outcome.ok) throw outcome.error;
      const what = `the direct reports of ${managerIds[index]}`;
      lists[index]!.push(...mapped(() => directoryPeopleOf(outcome.body, "$"), what));
      const body = outcome.body as Record<string, unknown>;
      const link = body["@odata.nextLink"];
      if (typeof link === "string" && link !== "") next.push({ index, url: link });
    });
    pending = next;
  }
  return lists;
}

function mapped<T>(read: () => T, what: string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) throw malformedAnswer(error.message, what);
    throw error;
  }
}
