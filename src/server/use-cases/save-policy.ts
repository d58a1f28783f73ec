/**
 * Administrators and executives set the tenant's cadence policy (PUT /api/settings/policy with If-Match,
 * 0 for the first one): checked as POLICY.json is checked, saved only over the version it was based on.
 * The tenant-wide fields are any executive's to set (SPEC §2), but a rep's own override is not: an
 * executive adds, changes or removes overrides only of reps below them, and saves the others as they are.
 */

import { isDeepStrictEqual } from "node:util";
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
  const hierarchy = await context.hierarchy();
  if (!canSetPolicy(context.viewer, hierarchy)) {
    throw forbidden("Only administrators and executives set the cadence policy.");
  }
  const { store } = context.services;
  if (!context.viewer.isAdmin) {
    const saved = (await store.policy.get(context.tenantId))?.document.reps;
    const outside = changedOverrides(saved, body.document.reps).find(
      (rep) => !hierarchy.isAbove(context.viewer.email!, rep),
    );
    if (outside !== undefined) {
      throw forbidden(`Only an administrator or an executive above ${outside} changes their cadence.`);
    }
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

/** Reps whose override the document adds, changes or removes compared with the saved one. */
function changedOverrides(saved: unknown, next: Readonly<Record<string, unknown>> | undefined): string[] {
  const before: Readonly<Record<string, unknown>> =
    typeof saved === "object" && saved !== null ? (saved as Record<string, unknown>) : {};
  const after = next ?? {};
  const reps = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...reps].filter((rep) => !isDeepStrictEqual(before[rep], after[rep]));
}
