/**
 * Administrators and executives set the tenant's cadence policy (PUT /api/settings/policy with If-Match,
 * 0 for the first one): checked as POLICY.json is checked, saved only over the version it was based on.
 */

import type { PolicyBody, PolicyResponse } from "../../api/settings.ts";
import { parseCadencePolicy } from "../../domain/cadence-policy.ts";
import { InputError } from "../../domain/input-error.ts";
import { forbidden, RequestError } from "../api-error.ts";
import { canSetPolicy } from "../authorize.ts";
import type { RequestContext } from "../request-context.ts";
import { presentPolicy } from "./get-policy.ts";

export async function savePolicy(
  context: RequestContext,
  expectedVersion: number,
  body: PolicyBody,
): Promise<PolicyResponse> {
  if (!canSetPolicy(context.viewer, await context.hierarchy())) {
    throw forbidden("Only administrators and executives set the cadence policy.");
  }
  try {
    parseCadencePolicy(body.document);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const path = `body.document${error.path.replace(/^\$/, "")}`;
    throw new RequestError("bad_request", `The request's ${path} ${error.detail}.`, {
      details: { issues: [{ path, message: error.detail }] },
    });
  }
  const { store } = context.services;
  const saved = await store.policy.save(
    context.tenantId,
    body.document,
    expectedVersion === 0 ? null : expectedVersion,
    { by: context.viewer.email ?? context.caller.objectId, now: context.now },
  );
  if (saved === undefined || saved.outcome === "conflict") {
    const current = presentPolicy(await store.policy.get(context.tenantId));
    throw new RequestError(
      "version_conflict",
      `The policy was saved elsewhere in the meantime (now version ${current.version}); merge and save again.`,
      { details: { current }, headers: { ETag: `"${current.version}"` } },
    );
  }
  return presentPolicy(saved.record);
}
