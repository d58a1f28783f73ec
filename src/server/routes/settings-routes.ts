/**
 * Tenant settings (cadence policy, behaviour library, the administrators' tenant settings) and an
 * administrator's export and deletion of a person's data.
 */

import type { FastifyInstance } from "fastify";
import { ROUTES } from "../../api/routes.ts";
import { requestContext } from "../request-context.ts";
import type { Services } from "../services.ts";
import { deletePersonData } from "../use-cases/delete-person-data.ts";
import { exportPersonData } from "../use-cases/export-person-data.ts";
import { getBehaviours } from "../use-cases/get-behaviours.ts";
import { getPolicy } from "../use-cases/get-policy.ts";
import { getTenantSettings } from "../use-cases/get-tenant-settings.ts";
import { saveBehaviours } from "../use-cases/save-behaviours.ts";
import { savePolicy } from "../use-cases/save-policy.ts";
import { saveTenantSettings } from "../use-cases/save-tenant-settings.ts";
import { handleRoute } from "./handle-route.ts";

export function settingsRoutes(services: Services) {
  return (api: FastifyInstance): void => {
    handleRoute(api, ROUTES.getPolicy, async ({ caller }) => {
      const policy = await getPolicy(await requestContext(services, caller));
      return { body: policy, version: policy.version };
    });
    handleRoute(api, ROUTES.savePolicy, async ({ caller, headers, body }) => {
      const policy = await savePolicy(await requestContext(services, caller), headers["if-match"], body);
      return { body: policy, version: policy.version };
    });
    handleRoute(api, ROUTES.getBehaviours, async ({ caller }) => ({
      body: await getBehaviours(await requestContext(services, caller)),
    }));
    handleRoute(api, ROUTES.saveBehaviours, async ({ caller, body }) => ({
      body: await saveBehaviours(await requestContext(services, caller), body),
    }));
    handleRoute(api, ROUTES.getTenantSettings, async ({ caller }) => {
      const settings = await getTenantSettings(await requestContext(services, caller));
      return { body: settings, version: settings.version };
    });
    handleRoute(api, ROUTES.saveTenantSettings, async ({ caller, headers, body }) => {
      const settings = await saveTenantSettings(
        await requestContext(services, caller),
        headers["if-match"],
        body,
      );
      return { body: settings, version: settings.version };
    });
    handleRoute(api, ROUTES.exportPerson, async ({ caller, params }) => ({
      body: await exportPersonData(await requestContext(services, caller), params.email),
    }));
    handleRoute(api, ROUTES.deletePerson, async ({ caller, params }) => ({
      body: await deletePersonData(await requestContext(services, caller), params.email),
    }));
  };
}
