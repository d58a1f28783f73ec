/**
 * Coaching records in every state the authorization rules tell apart, written through the API by Mia
 * (the manager of tests/server/org-tenant.ts): a signed-off field-visit report on Ana, a note shared
 * with Ana holding an action for her, and a draft on Ben.
 */

import { randomUUID } from "node:crypto";
import type { SimUser } from "../../src/graph-sim/tenant-data.ts";
import type { OrgTenant } from "./org-tenant.ts";
import type { ServerWorld } from "./server-world.ts";

export interface CoachingRecords {
  /** Signed off: readable by the rep and executives above, commentable by executives above. */
  readonly reportId: string;
  /** Shared, not signed off: the rep may reflect and tick actions. */
  readonly sharedId: string;
  readonly sharedActionId: string;
  /** A draft the manager keeps writing. */
  readonly draftId: string;
}

/** The private notes every record carries, which only the manager may ever read back. */
export const PRIVATE_MARK = "PRIVATE: thinking about promotion.";

export async function seedCoachingRecords(world: ServerWorld, org: OrgTenant): Promise<CoachingRecords> {
  const tenantId = org.tenant.tenantId;
  const asMia = (method: "POST" | "PUT", url: string, options: { body?: unknown; ifMatch?: number } = {}) =>
    world.call(org.mia, method, url, {
      tenantId,
      ...(options.body === undefined ? {} : { body: options.body }),
      ...(options.ifMatch === undefined ? {} : { headers: { "if-match": String(options.ifMatch) } }),
    });
  const open = async (meeting: string, rep: SimUser) => {
    const response = await asMia("POST", "/api/notes", { body: { meeting, rep: rep.mail } });
    if (response.statusCode >= 300) throw new Error(`opening a note answered ${response.body}`);
    return response.json().id as string;
  };
  const save = (id: string, actions: unknown[] = []) =>
    asMia("PUT", `/api/notes/${id}`, {
      ifMatch: 1,
      body: {
        focus: [{ behaviourId: "plans-the-call", rating: 3, evidence: "Had a call plan." }],
        wentWell: "Strong opening.",
        gaps: "Closed too early.",
        privateNotes: PRIVATE_MARK,
        actions,
      },
    });
  const reportId = await open(org.meetings.fieldDay, org.ana);
  await save(reportId);
  await asMia("POST", `/api/notes/${reportId}/share`);
  await asMia("POST", `/api/notes/${reportId}/sign-off`);
  const sharedId = await open(org.meetings.privateOne, org.ana);
  const sharedActionId = randomUUID();
  await save(sharedId, [{ id: sharedActionId, text: "Call Fabrikam back", owner: "rep", due: null }]);
  await asMia("POST", `/api/notes/${sharedId}/share`);
  const draftId = await open(org.meetings.oneOnOne, org.ben);
  return { reportId, sharedId, sharedActionId, draftId };
}
