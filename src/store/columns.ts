import type { Kysely } from "kysely";
import type { Instant } from "../domain/instant.ts";
import type { Database } from "./schema.ts";

/** jsonb values are sent as JSON text; see schema.ts for why. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

export function toDate(instant: Instant): Date {
  return new Date(instant);
}

export function toInstant(date: Date): Instant {
  return date.getTime();
}

export function toInstantOrNull(date: Date | null): Instant | null {
  return date === null ? null : date.getTime();
}

export function toDateOrNull(instant: Instant | null): Date | null {
  return instant === null ? null : new Date(instant);
}

/**
 * Runs several statements as one unit: inside the caller's transaction when there is one, in a new
 * transaction otherwise. Repository methods that write more than one row go through it.
 */
export function atomically<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Who did a write, and when: every write names both, the store never reads the clock itself. */
export interface WriteContext {
  /** Lower-case email (or a system name such as "sync") of whoever made the change. */
  readonly by: string;
  readonly now: Instant;
}

/** The outcome of a write guarded by an expected version (optimistic concurrency). */
export type VersionedWrite<T> =
  | { readonly outcome: "saved"; readonly record: T }
  | { readonly outcome: "conflict"; readonly current: T };

/** Splits rows into batches that keep an INSERT well under PostgreSQL's 65,535 parameters. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
