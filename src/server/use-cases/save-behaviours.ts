/**
 * An administrator replaces the behaviour library (PUT /api/settings/behaviours): behaviours left out are
 * retired, never deleted, because notes and plans keep naming them.
 */

import type { BehavioursBody, BehavioursResponse } from "../../api/settings.ts";
import type { RequestContext } from "../request-context.ts";
import { presentBehaviours } from "./get-behaviours.ts";

export async function saveBehaviours(
  context: RequestContext,
  body: BehavioursBody,
): Promise<BehavioursResponse> {
  const { store } = context.services;
  await store.behaviours.replaceLibrary(
    context.tenantId,
    body.behaviours.map((behaviour) => ({
      behaviourId: behaviour.id,
      name: behaviour.name,
      description: behaviour.description,
    })),
    context.now,
  );
  return presentBehaviours(await store.behaviours.list(context.tenantId, { includeRetired: true }));
}
