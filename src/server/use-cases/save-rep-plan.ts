/**
 * The rep's manager saves the whole coaching plan (PUT /api/reps/:email/plan with If-Match, 0 to create):
 * saved only over the version it was based on; a stale save gets 412 with the plan as it now stands.
 */

import type { PlanBody, PlanResponse } from "../../api/plans.ts";
import { forbidden, notFound, RequestError } from "../api-error.ts";
import { canEditPlan, personAccess } from "../authorize.ts";
import type { RequestContext } from "../request-context.ts";
import { getRepPlan } from "./get-rep-plan.ts";

export async function saveRepPlan(
  context: RequestContext,
  email: string,
  expectedVersion: number,
  body: PlanBody,
): Promise<PlanResponse> {
  const hierarchy = await context.hierarchy();
  if (hierarchy.person(email) === undefined) throw notFound(`${email} is not in the directory.`);
  if (!canEditPlan(personAccess(context.viewer, email, hierarchy))) {
    throw forbidden("Only the rep's manager keeps their coaching plan.");
  }
  const { store } = context.services;
  const library = new Set(
    (await store.behaviours.list(context.tenantId)).map((behaviour) => behaviour.behaviourId),
  );
  const unknown = body.focus.findIndex((focus) => !library.has(focus.behaviourId));
  if (unknown >= 0) {
    throw new RequestError(
      "bad_request",
      `The request's body.focus.${unknown}.behaviourId is not in the behaviour library.`,
      {
        details: {
          issues: [{ path: `body.focus.${unknown}.behaviourId`, message: "is not in the behaviour library" }],
        },
      },
    );
  }
  const saved = await store.plans.save(
    context.tenantId,
    email,
    {
      focus: body.focus,
      cadenceOverride: body.cadenceOverride,
      goals: body.goals.map((goal) => ({
        goalId: goal.id,
        text: goal.text,
        dueDate: goal.due,
        status: goal.status,
      })),
    },
    expectedVersion === 0 ? null : expectedVersion,
    { by: context.viewer.email!, now: context.now },
  );
  const current = await getRepPlan(context, email);
  if (saved === undefined || saved.outcome === "conflict") {
    throw new RequestError(
      "version_conflict",
      `The plan was saved elsewhere in the meantime (now version ${current.version}); merge and save again.`,
      { details: { current }, headers: { ETag: `"${current.version}"` } },
    );
  }
  return current;
}
