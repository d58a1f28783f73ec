/**
 * Everything a use case needs about one request: the services, the verified caller, who they are in
 * the directory (read from Graph first when FieldCoach does not know them yet or the directory is old),
 * the tenant's reporting lines and settings (read once per request), and the time the request is served at.
 */

import type { Instant } from "../domain/instant.ts";
import type { GraphPorts } from "../graph/graph-ports.ts";
import { JOB_KINDS } from "../jobs/job-keys.ts";
import { ensureTenantJobs } from "../jobs/plan-jobs.ts";
import type { PersonRecord } from "../store/repositories/people.ts";
import { RequestError } from "./api-error.ts";
import type { Viewer } from "./authorize.ts";
import { type Caller, isAdmin } from "./caller.ts";
import { buildHierarchy, type Hierarchy } from "./hierarchy.ts";
import type { Services } from "./services.ts";
import { readTenantSettings, type TenantSettings } from "./tenant-settings.ts";

export interface RequestContext {
  readonly services: Services;
  readonly caller: Caller;
  readonly tenantId: string;
  readonly viewer: Viewer;
  /** The signed-in person in the directory; undefined for someone outside it (an admin without a mailbox). */
  readonly person: PersonRecord | undefined;
  readonly now: Instant;
  /** Graph as the signed-in person. */
  readonly graph: GraphPorts;
  hierarchy(): Promise<Hierarchy>;
  settings(): Promise<TenantSettings>;
}

export async function requestContext(services: Services, caller: Caller): Promise<RequestContext> {
  const graph = services.graph.asCaller(caller);
  const tenantId = caller.tenantId;
  try {
    const read = await services.sync.ensureDirectory(tenantId, caller.objectId, graph);
    // A tenant seen for the first time gets its background jobs now rather than at the next start, and
    // the managers a directory read names get theirs now rather than at the next planning.
    if (read !== undefined) {
      await ensureTenantJobs(services.store, tenantId, services.now());
      await services.store.jobQueue.request(tenantId, JOB_KINDS.plan, services.now());
    }
  } catch (error) {
    // A directory read that fails leaves the last one in force; with none at all there is nothing to serve.
    if ((await services.store.people.byObjectId(tenantId, caller.objectId)) === undefined) throw error;
  }
  const person = await services.store.people.byObjectId(tenantId, caller.objectId);
  let hierarchy: Promise<Hierarchy> | undefined;
  let settings: Promise<TenantSettings> | undefined;
  return {
    services,
    caller,
    tenantId,
    viewer: { tenantId, objectId: caller.objectId, email: person?.email ?? null, isAdmin: isAdmin(caller) },
    person,
    now: services.now(),
    graph,
    hierarchy: () => {
      hierarchy ??= services.store.people.list(tenantId).then(buildHierarchy);
      return hierarchy;
    },
    settings: () => {
      settings ??= services.store.tenants
        .get(tenantId)
        .then((tenant) => readTenantSettings(tenant?.settings));
      return settings;
    },
  };
}

/** The signed-in person, for use cases that need someone in the directory. */
export function signedInPerson(context: RequestContext): PersonRecord {
  if (context.person === undefined) {
    throw new RequestError(
      "forbidden",
      "You are not in your organisation's directory as FieldCoach reads it.",
    );
  }
  return context.person;
}
