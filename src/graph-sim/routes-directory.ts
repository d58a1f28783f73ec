/**
 * Directory and mailbox-settings routes: `/users/{id|upn}` and `/me`, `manager`, `directReports`,
 * `mailboxSettings`, and `/organization` with the tenant's verified domains.
 */

import { errorResponse, type JsonObject, jsonResponse, type SimResponse } from "./sim-http.ts";
import {
  applySelect,
  decodeToken,
  encodeToken,
  queryString,
  selectedFields,
  wholeNumberParam,
} from "./sim-odata.ts";
import type { RouteContext, RouteHandler } from "./sim-route.ts";
import type { SimUser } from "./tenant-data.ts";

const DIRECTORY_PAGE_SIZE = 100;
const DIRECTORY_MAX_PAGE_SIZE = 999;

/**
 * A user as Graph returns it: the default properties, and with `$select` also the ones Graph returns
 * only when selected (`proxyAddresses` with the primary as `SMTP:` and aliases as `smtp:`, beside a
 * `SIP:` address as Teams users have; `employeeHireDate` as an instant).
 */
export function userJson(user: SimUser, selected?: readonly string[]): JsonObject {
  const wanted = new Set((selected ?? []).map((field) => field.toLowerCase()));
  return {
    ...defaultUserJson(user),
    ...(wanted.has("proxyaddresses")
      ? {
          proxyAddresses: [
            `SMTP:${user.mail}`,
            ...user.aliases.map((alias) => `smtp:${alias}`),
            `SIP:${user.mail}`,
          ],
        }
      : {}),
    ...(wanted.has("employeehiredate")
      ? { employeeHireDate: user.hireDate === null ? null : `${user.hireDate}T00:00:00Z` }
      : {}),
  };
}

function defaultUserJson(user: SimUser): JsonObject {
  const [givenName, ...rest] = user.displayName.split(" ");
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: givenName ?? null,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: "en-US",
    surname: rest.length === 0 ? null : rest.join(" "),
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

function selectContext(
  base: string,
  entitySet: string,
  fields: readonly string[] | undefined,
  suffix: string,
): string {
  return `${base}/$metadata#${entitySet}${fields === undefined ? "" : `(${fields.join(",")})`}${suffix}`;
}

export const getUser: RouteHandler = (request, match, context) => {
  const fields = selectedFields(request.query);
  return jsonResponse(200, {
    "@odata.context": selectContext(context.baseUrl, "users", fields, "/$entity"),
    ...applySelect(userJson(match.user!, fields), fields, ["id"]),
  });
};

export const getManager: RouteHandler = (request, match, context) => {
  const managerId = match.user!.managerId;
  const manager = managerId === null ? undefined : context.state.user(managerId);
  if (manager === undefined) {
    return errorResponse(
      404,
      "Request_ResourceNotFound",
      "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
      { now: context.now() },
    );
  }
  const fields = selectedFields(request.query);
  return jsonResponse(200, {
    "@odata.context": `${context.baseUrl}/$metadata#directoryObjects/$entity`,
    "@odata.type": "#microsoft.graph.user",
    ...applySelect(userJson(manager, fields), fields, ["id"]),
  });
};

export const listDirectReports: RouteHandler = (request, match, context) => {
  const owner = match.user!;
  const reports = context.state.tenant.users.filter((user) => user.managerId === owner.id);
  const token = request.query.get("$skiptoken");
  const offset = token === null ? 0 : Number(decodeToken(token)?.offset);
  const top = wholeNumberParam(request.query, "$top");
  if (top === false || Number.isNaN(offset)) return badQuery(context, "Invalid $top or $skiptoken.");
  const size = Math.min(top ?? DIRECTORY_PAGE_SIZE, DIRECTORY_MAX_PAGE_SIZE);
  const fields = selectedFields(request.query);
  const page = reports.slice(offset, offset + size);
  const next = offset + size < reports.length;
  const kept = [...request.query].filter(([key]) => key !== "$skiptoken");
  return jsonResponse(200, {
    "@odata.context": `${context.baseUrl}/$metadata#directoryObjects${fields === undefined ? "" : `(${fields.join(",")})`}`,
    ...(next
      ? {
          "@odata.nextLink": `${context.baseUrl}/users/${owner.id}/directReports?${queryString([
            ...kept,
            ["$skiptoken", encodeToken({ offset: offset + size })],
          ])}`,
        }
      : {}),
    value: page.map((user) => ({
      "@odata.type": "#microsoft.graph.user",
      ...applySelect(userJson(user, fields), fields, ["id"]),
    })),
  });
};

export const getMailboxSettings: RouteHandler = (_request, match, context) => {
  const user = match.user!;
  return jsonResponse(200, {
    "@odata.context": `${context.baseUrl}/$metadata#users('${user.id}')/mailboxSettings`,
    automaticRepliesSetting: {
      status: "disabled",
      externalAudience: "all",
      scheduledStartDateTime: { dateTime: "2026-01-01T00:00:00.0000000", timeZone: "UTC" },
      scheduledEndDateTime: { dateTime: "2026-01-02T00:00:00.0000000", timeZone: "UTC" },
      internalReplyMessage: "",
      externalReplyMessage: "",
    },
    timeZone: user.timeZone,
    language: { locale: "en-US", displayName: "English (United States)" },
    workingHours: {
      daysOfWeek: [...user.workingHours.daysOfWeek],
      startTime: user.workingHours.startTime,
      endTime: user.workingHours.endTime,
      timeZone: { name: user.workingHours.timeZone },
    },
    userPurpose: { value: "user" },
    dateFormat: "M/d/yyyy",
    timeFormat: "h:mm tt",
    delegateMeetingMessageDeliveryOptions: "sendToDelegateOnly",
  });
};

export const listOrganization: RouteHandler = (request, _match, context) => {
  const tenant = context.state.tenant;
  const organization: JsonObject = {
    id: tenant.tenantId,
    displayName: tenant.domains[0] ?? tenant.tenantId,
    verifiedDomains: tenant.domains.map((name, index) => ({
      capabilities: "Email, OfficeCommunicationsOnline",
      isDefault: index === 0,
      isInitial: name.endsWith(".onmicrosoft.com"),
      name,
      type: "Managed",
    })),
  };
  const fields = selectedFields(request.query);
  return jsonResponse(200, {
    "@odata.context": selectContext(context.baseUrl, "organization", fields, ""),
    value: [applySelect(organization, fields, ["id"])],
  });
};

function badQuery(context: RouteContext, message: string): SimResponse {
  return errorResponse(400, "Request_BadRequest", message, { now: context.now() });
}
