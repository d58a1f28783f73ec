/**
 * The tenant's retention job ("retention"): when an administrator set how many months coaching records
 * are kept after their meeting, it deletes the records of meetings that ended before then, batch by
 * batch, each batch one transaction, until none is left; with no retention set it deletes nothing.
 * Running it twice at once, or again after a failure half way, is safe: a batch removes only what is
 * still there. A lease taken over stops it between batches.
 */

import type { Instant } from "../domain/instant.ts";
import { retentionCutoff } from "../domain/retention-cutoff.ts";
import type { RetentionBatch } from "../store/repositories/retention.ts";
import type { Store } from "../store/store.ts";
import type { JobHandler } from "./job-runner.ts";

export interface RetentionJobOptions {
  readonly store: Pick<Store, "retention">;
  /** The tenant's retention in months; null when it keeps its records. */
  readonly retentionMonths: (tenantId: string) => Promise<number | null>;
  readonly clock: () => Instant;
  readonly intervalMs: number;
  /** Records of each kind per transaction (500 unless told). */
  readonly batchSize?: number;
}

export interface RetentionReport {
  /** Records of meetings that ended before it were deleted; null when the tenant keeps everything. */
  readonly cutoff: Instant | null;
  readonly batches: number;
  readonly removed: RetentionBatch;
}

const NOTHING: RetentionBatch = {
  notes: 0,
  actions: 0,
  reviewComments: 0,
  auditRows: 0,
  events: 0,
  overrides: 0,
  suggestions: 0,
  reminders: 0,
};

export function retentionJobHandler(options: RetentionJobOptions): JobHandler {
  return {
    intervalMs: options.intervalMs,
    async run({ tenantId, signal }) {
      await applyRetention(options, tenantId, signal);
      return undefined;
    },
  };
}

/** One run for one tenant. */
export async function applyRetention(
  options: RetentionJobOptions,
  tenantId: string,
  signal?: AbortSignal,
): Promise<RetentionReport> {
  const months = await options.retentionMonths(tenantId);
  if (months === null) return { cutoff: null, batches: 0, removed: NOTHING };
  const cutoff = retentionCutoff(options.clock(), months);
  const limit = options.batchSize ?? 500;
  let removed = NOTHING;
  let batches = 0;
  while (signal?.aborted !== true) {
    const batch = await options.store.retention.deleteExpired(tenantId, cutoff, limit);
    batches += 1;
    removed = sum(removed, batch);
    // Notes, events, suggestions and reminders are chosen up to the limit: fewer means none is left.
    const full = [batch.notes, batch.events, batch.suggestions, batch.reminders].some(
      (rows) => rows >= limit,
    );
    if (!full) break;
  }
  return { cutoff, batches, removed };
}

function sum(a: RetentionBatch, b: RetentionBatch): RetentionBatch {
  return {
    notes: a.notes + b.notes,
    actions: a.actions + b.actions,
    reviewComments: a.reviewComments + b.reviewComments,
    auditRows: a.auditRows + b.auditRows,
    events: a.events + b.events,
    overrides: a.overrides + b.overrides,
    suggestions: a.suggestions + b.suggestions,
    reminders: a.reminders + b.reminders,
  };
}
