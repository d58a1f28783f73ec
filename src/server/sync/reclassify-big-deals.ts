/**
 * Stored customer calls decided again for big deals under the tenant's accounts and threshold as they
 * are now (domain/reclassify-big-deal.ts), without reading any calendar: after an administrator changes
 * them, so that the next read already follows, and after a calendar round that classified under the
 * settings it read before such a change. Only the events whose flag or reasons change are written.
 */

import { isDeepStrictEqual } from "node:util";
import type { Instant } from "../../domain/instant.ts";
import type { OrgIndex } from "../../domain/org.ts";
import { reclassifyBigDeal } from "../../domain/reclassify-big-deal.ts";
import type { BigDealChange } from "../../store/repositories/classified-events.ts";
import type { Repositories } from "../../store/store.ts";

export async function reclassifyBigDeals(
  repositories: Pick<Repositories, "events">,
  tenantId: string,
  org: OrgIndex,
  now: Instant,
  mailbox?: string,
): Promise<number> {
  const changes: BigDealChange[] = [];
  for (const call of await repositories.events.customerCalls(tenantId, mailbox)) {
    const next = reclassifyBigDeal(call, org);
    if (next.bigDeal === call.bigDeal && isDeepStrictEqual(next.reasons, call.reasons)) continue;
    changes.push({ mailbox: call.mailbox, eventId: call.eventId, ...next });
  }
  return repositories.events.setBigDeals(tenantId, changes, now);
}
