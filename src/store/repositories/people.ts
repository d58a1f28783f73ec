import { type Kysely, sql } from "kysely";
import type { Instant } from "../../domain/instant.ts";
import { atomically, chunks, json, toDate, toInstant } from "../columns.ts";
import type { Database, PeopleTable, StoredWorkingHours } from "../schema.ts";

export interface PersonInput {
  /** Entra object id: how a signed-in user (tid + oid) is found. */
  readonly objectId: string;
  /** Lower-case primary SMTP address. */
  readonly email: string;
  readonly name: string;
  /** Lower-case proxy addresses. */
  readonly aliases: readonly string[];
  readonly role: PeopleTable["role"];
  /** IANA zone; null until Graph has told us. */
  readonly timeZone: string | null;
  readonly workingHours: StoredWorkingHours | null;
  readonly hireDate: string | null;
}

export interface PersonRecord extends PersonInput {
  readonly managerObjectId: string | null;
  readonly managerEmail: string | null;
  readonly syncedAt: Instant;
}

export interface ReportingLineInput {
  readonly personObjectId: string;
  readonly managerObjectId: string;
  readonly source: "graph" | "roster";
}

export interface DirectoryChange {
  readonly upserted: number;
  readonly removed: number;
}

export interface PeopleRepository {
  list(tenantId: string): Promise<PersonRecord[]>;
  byObjectId(tenantId: string, objectId: string): Promise<PersonRecord | undefined>;
  /** By primary address or alias, any case. */
  byAddress(tenantId: string, address: string): Promise<PersonRecord | undefined>;
  /**
   * Makes the tenant's people and reporting lines exactly the given ones (a full directory sync):
   * people absent from `people` are removed; their coaching records stay, keyed by email.
   */
  replaceDirectory(
    tenantId: string,
    directory: { readonly people: readonly PersonInput[]; readonly lines: readonly ReportingLineInput[] },
    now: Instant,
  ): Promise<DirectoryChange>;
}

export function peopleRepository(db: Kysely<Database>): PeopleRepository {
  const withManager = (tenantId: string) =>
    db
      .selectFrom("people as p")
      .leftJoin("reporting_lines as l", (join) =>
        join.onRef("l.tenant_id", "=", "p.tenant_id").onRef("l.person_object_id", "=", "p.object_id"),
      )
      .leftJoin("people as m", (join) =>
        join.onRef("m.tenant_id", "=", "l.tenant_id").onRef("m.object_id", "=", "l.manager_object_id"),
      )
      .selectAll("p")
      .select(["l.manager_object_id", "m.email as manager_email"])
      .where("p.tenant_id", "=", tenantId);

  return {
    async list(tenantId) {
      const rows = await withManager(tenantId).orderBy("p.email").execute();
      return rows.map(toRecord);
    },
    async byObjectId(tenantId, objectId) {
      const row = await withManager(tenantId).where("p.object_id", "=", objectId).executeTakeFirst();
      return row && toRecord(row);
    },
    async byAddress(tenantId, address) {
      const lower = address.toLowerCase();
      const row = await withManager(tenantId)
        .where((eb) => eb.or([eb("p.email", "=", lower), sql<boolean>`p.aliases @> ${json([lower])}::jsonb`]))
        .executeTakeFirst();
      return row && toRecord(row);
    },
    replaceDirectory(tenantId, directory, now) {
      return atomically(db, async (tx) => {
        const keep = directory.people.map((person) => person.objectId);
        const removed = await tx
          .deleteFrom("people")
          .where("tenant_id", "=", tenantId)
          .$if(keep.length > 0, (query) => query.where("object_id", "not in", keep))
          .executeTakeFirst();
        await tx.deleteFrom("reporting_lines").where("tenant_id", "=", tenantId).execute();
        for (const batch of chunks(directory.people, 500)) {
          await tx
            .insertInto("people")
            .values(
              batch.map((person) => ({
                tenant_id: tenantId,
                object_id: person.objectId,
                email: person.email,
                name: person.name,
                aliases: json(person.aliases),
                role: person.role,
                time_zone: person.timeZone,
                working_hours: person.workingHours === null ? null : json(person.workingHours),
                hire_date: person.hireDate,
                synced_at: toDate(now),
              })),
            )
            .onConflict((conflict) =>
              conflict.columns(["tenant_id", "object_id"]).doUpdateSet((eb) => ({
                email: eb.ref("excluded.email"),
                name: eb.ref("excluded.name"),
                aliases: eb.ref("excluded.aliases"),
                role: eb.ref("excluded.role"),
                time_zone: eb.ref("excluded.time_zone"),
                working_hours: eb.ref("excluded.working_hours"),
                hire_date: eb.ref("excluded.hire_date"),
                synced_at: eb.ref("excluded.synced_at"),
              })),
            )
            .execute();
        }
        for (const batch of chunks(directory.lines, 1000)) {
          await tx
            .insertInto("reporting_lines")
            .values(
              batch.map((line) => ({
                tenant_id: tenantId,
                person_object_id: line.personObjectId,
                manager_object_id: line.managerObjectId,
                source: line.source,
                synced_at: toDate(now),
              })),
            )
            .execute();
        }
        return { upserted: directory.people.length, removed: Number(removed.numDeletedRows) };
      });
    },
  };
}

interface PersonRow {
  readonly object_id: string;
  readonly email: string;
  readonly name: string;
  readonly aliases: string[];
  readonly role: PeopleTable["role"];
  readonly time_zone: string | null;
  readonly working_hours: StoredWorkingHours | null;
  readonly hire_date: string | null;
  readonly synced_at: Date;
  readonly manager_object_id: string | null;
  readonly manager_email: string | null;
}

function toRecord(row: PersonRow): PersonRecord {
  return {
    objectId: row.object_id,
    email: row.email,
    name: row.name,
    aliases: row.aliases,
    role: row.role,
    timeZone: row.time_zone,
    workingHours: row.working_hours,
    hireDate: row.hire_date,
    managerObjectId: row.manager_object_id,
    managerEmail: row.manager_email,
    syncedAt: toInstant(row.synced_at),
  };
}
