/** The tenant's behaviour library, in order, retired behaviours last (GET /api/settings/behaviours). */

import type { BehavioursResponse } from "../../api/settings.ts";
import type { BehaviourRecord } from "../../store/repositories/behaviours.ts";
import type { RequestContext } from "../request-context.ts";

export async function getBehaviours(context: RequestContext): Promise<BehavioursResponse> {
  return presentBehaviours(
    await context.services.store.behaviours.list(context.tenantId, { includeRetired: true }),
  );
}

export function presentBehaviours(library: readonly BehaviourRecord[]): BehavioursResponse {
  return {
    behaviours: library.map((behaviour) => ({
      id: behaviour.behaviourId,
      name: behaviour.name,
      description: behaviour.description,
      retired: behaviour.retiredAt !== null,
    })),
  };
}
