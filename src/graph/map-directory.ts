/**
 * Graph directory objects → domain people, and `/organization` → the tenant's verified domains. Pure;
 * malformed payloads throw InputError with a JSON path. Directory collections may hold other object
 * types (contacts, devices); only users become people.
 */

import type { DirectoryPerson } from "../domain/graph-ports.ts";
import { childPath, InputError } from "../domain/input-error.ts";

/**
 * The properties the org model reads; ask Graph for these with `$select` (the last two are returned only
 * when selected).
 */
export const PERSON_FIELDS = [
  "id",
  "displayName",
  "mail",
  "userPrincipalName",
  "jobTitle",
  "proxyAddresses",
  "employeeHireDate",
] as const;

type JsonObject = Record<string, unknown>;

/** A user object → a person; undefined for directory objects that are not users. */
export function directoryPersonOf(raw: unknown, path: string): DirectoryPerson | undefined {
  const obj = asObject(raw, path);
  const type = obj["@odata.type"];
  if (type !== undefined && type !== "#microsoft.graph.user") return undefined;
  const id = obj.id;
  if (typeof id !== "string" || id === "")
    throw new InputError(childPath(path, "id"), "must be a non-empty string");
  const mail = optionalString(obj, "mail", path);
  const email = mail === null || mail === "" ? null : mail.toLowerCase();
  return {
    id,
    displayName: optionalString(obj, "displayName", path),
    email,
    userPrincipalName: optionalString(obj, "userPrincipalName", path),
    jobTitle: optionalString(obj, "jobTitle", path),
    aliases: smtpAliasesOf(obj, path, email),
    hireDate: hireDateOf(obj, path),
  };
}

/**
 * The secondary SMTP addresses among `proxyAddresses`: Exchange writes the primary as `SMTP:` and the
 * others as `smtp:`, beside other kinds (`SIP:`, `X500:`) that are no email addresses.
 */
function smtpAliasesOf(obj: JsonObject, path: string, primary: string | null): string[] {
  const raw = obj.proxyAddresses;
  if (raw === undefined || raw === null) return [];
  const list = asArray(raw, childPath(path, "proxyAddresses"));
  const out: string[] = [];
  list.forEach((entry, i) => {
    if (typeof entry !== "string") {
      throw new InputError(childPath(childPath(path, "proxyAddresses"), i), "must be a string");
    }
    if (!entry.startsWith("smtp:")) return;
    const address = entry.slice("smtp:".length).trim().toLowerCase();
    if (address === "" || address === primary || out.includes(address)) return;
    out.push(address);
  });
  return out;
}

const HIRE_DATE = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;

/** `employeeHireDate` is an instant ("2024-05-01T00:00:00Z"); the org model keeps its UTC date. */
function hireDateOf(obj: JsonObject, path: string): string | null {
  const value = optionalString(obj, "employeeHireDate", path);
  if (value === null) return null;
  const at = Date.parse(value);
  if (!HIRE_DATE.test(value) || Number.isNaN(at)) {
    throw new InputError(childPath(path, "employeeHireDate"), "must be an ISO 8601 date and time");
  }
  return new Date(at).toISOString().slice(0, 10);
}

/** The users of one page of a directory collection (`{"value": [...]}`). */
export function directoryPeopleOf(raw: unknown, path: string): DirectoryPerson[] {
  const list = asArray(asObject(raw, path).value, childPath(path, "value"));
  return list.flatMap((item, i) => {
    const person = directoryPersonOf(item, childPath(childPath(path, "value"), i));
    return person === undefined ? [] : [person];
  });
}

/** Lower-case names of the verified domains of the organization(s) in `/organization`'s answer. */
export function verifiedDomainsOf(raw: unknown, path: string): string[] {
  const list = asArray(asObject(raw, path).value, childPath(path, "value"));
  const out: string[] = [];
  list.forEach((org, i) => {
    const where = childPath(childPath(path, "value"), i);
    const domains = asArray(asObject(org, where).verifiedDomains, childPath(where, "verifiedDomains"));
    domains.forEach((domain, j) => {
      const at = childPath(childPath(where, "verifiedDomains"), j);
      const name = asObject(domain, at).name;
      if (typeof name !== "string" || name === "")
        throw new InputError(childPath(at, "name"), "must be a domain name");
      if (!out.includes(name.toLowerCase())) out.push(name.toLowerCase());
    });
  });
  return out;
}

function asObject(value: unknown, path: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new InputError(path, "must be an object");
  return value as JsonObject;
}

function asArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new InputError(path, "must be an array");
  return value;
}

function optionalString(obj: JsonObject, key: string, path: string): string | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new InputError(childPath(path, key), "must be a string");
  return value;
}
