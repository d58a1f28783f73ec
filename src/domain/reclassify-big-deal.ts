/**
 * A stored classification's big-deal flag and reasons under the tenant's accounts and threshold as they
 * are now: what an administrator's change of them means for meetings classified before. A big deal
 * depends only on the meeting being a customer call and on its customers' domains (SPEC §3), both kept
 * with the classification, so the calendar need not be read again. The result is what classifying the
 * meeting anew would give: the big-deal sentence stands after the kind's and before the hours'.
 */

import type { Initiator, MeetingKind } from "./classify.ts";
import { isHoursReason } from "./classify-hours.ts";
import { bigDealReason, isBigDealReason } from "./classify-reasons.ts";
import type { Account, OrgIndex } from "./org.ts";

export interface StoredBigDeal {
  readonly initiator: Initiator;
  readonly kind: MeetingKind | null;
  readonly customerDomains: readonly string[];
  readonly bigDeal: boolean;
  readonly reasons: readonly string[];
}

export interface BigDealClassification {
  readonly bigDeal: boolean;
  readonly reasons: readonly string[];
}

export function reclassifyBigDeal(event: StoredBigDeal, org: OrgIndex): BigDealClassification {
  // Meetings without a rep of the manager's are not classified at all, whatever their kind.
  if (event.initiator === "none" || event.kind !== "customer-call") {
    return { bigDeal: event.bigDeal, reasons: event.reasons };
  }
  const account = bigDealAccountOf(event.customerDomains, org);
  const reasons = [...event.reasons];
  const at = reasons.findIndex(isBigDealReason);
  if (at >= 0) reasons.splice(at, 1);
  if (account !== undefined) {
    // The first sentence is always who brought the meeting about or the override, never the hours.
    const hoursLast = reasons.length > 1 && isHoursReason(reasons[reasons.length - 1]!);
    const place = at >= 0 ? at : hoursLast ? reasons.length - 1 : reasons.length;
    reasons.splice(place, 0, bigDealReason(account, { org }));
  }
  return { bigDeal: account !== undefined, reasons };
}

/** The account with the most open pipeline among those at or above the threshold, as classify chooses. */
function bigDealAccountOf(domains: readonly string[], org: OrgIndex): Account | undefined {
  const threshold = org.org.bigDealThreshold;
  let best: Account | undefined;
  for (const domain of domains) {
    const account = org.accountForDomain(domain);
    if (account === undefined || account.openPipeline < threshold) continue;
    if (best === undefined || account.openPipeline > best.openPipeline) best = account;
  }
  return best;
}
