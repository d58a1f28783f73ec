/**
 * An administrator deletes what FieldCoach stores about a person (DELETE /api/admin/people/:email,
 * SPEC §9): their directory entry, plan, figures, the notes about them and their suggestions, in one
 * transaction; notes they wrote as a manager stay with their reps and the audit log stays. Audited.
 */

import type { PersonDeleteResponse } from "../../api/admin.ts";
import type { RequestContext } from "../request-context.ts";

export async function deletePersonData(
  context: RequestContext,
  email: string,
): Promise<PersonDeleteResponse> {
  const { store } = context.services;
  const deleted = await store.transaction(async (tx) => {
    const counts = await tx.personData.erase(context.tenantId, email);
    await tx.audit.record(
      context.tenantId,
      {
        actor: context.viewer.email ?? context.caller.objectId,
        action: "person.erase",
        targetType: "person",
        targetId: email,
        detail: Object.fromEntries(Object.entries(counts).map(([table, rows]) => [table, rows ?? 0])),
      },
      context.now,
    );
    return counts;
  });
  return {
    email,
    deleted: Object.fromEntries(Object.entries(deleted).map(([table, rows]) => [table, rows ?? 0])),
  };
}
