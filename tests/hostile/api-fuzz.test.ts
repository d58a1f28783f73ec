/*
 * Hostile input on every JSON route: fast-check sends each route requests built from one it accepts
 * with a part broken (a path parameter guessed or undecodable, a query of wrong or hostile values, a
 * body malformed, truncated, nested past reason, oversized, of the wrong type or content type, holding
 * NUL, lone surrogates, right-to-left overrides or very long text), as callers from the same team, from
 * another branch, from a twin tenant holding the same addresses and ids, or without a token. Whatever
 * comes, the server answers below 500 with a JSON error naming a code, and a refused request leaves
 * every table exactly as it was. The seed is fixed, so every run sends the same requests.
 */

import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/api/errors.ts";
import type { SimUser } from "../../src/graph-sim/tenant-data.ts";
import { API_CSP } from "../../src/server/security-headers.ts";
import type { OrgTenant } from "../server/org-tenant.ts";
import {
  hostileQuery,
  hostileUrlPart,
  hostileValue,
  malformedBody,
  mutatedBody,
  percentEncode,
  type WireBody,
} from "./support/hostile-values.ts";
import { hostileWorldOfFile } from "./support/hostile-world.ts";
import {
  FUZZED_ROUTES,
  type FuzzedRoute,
  type ValidRequest,
  validRequest,
} from "./support/route-requests.ts";

const SEED = 20_260_304;
const RUNS_PER_ROUTE = 40;

interface Caller {
  readonly within: OrgTenant;
  readonly user: SimUser;
  readonly admin: boolean;
}

interface WireRequest {
  readonly method: FuzzedRoute["method"];
  /** Key into the callers; "nobody" sends no token. */
  readonly caller: string;
  readonly url: string;
  readonly body: WireBody | undefined;
  readonly ifMatch: string | undefined;
}

let callers: Readonly<Record<string, Caller>>;

const hostile = hostileWorldOfFile();

beforeAll(async () => {
  const { org, twin } = hostile();
  callers = {
    manager: { within: org, user: org.mia, admin: false },
    rep: { within: org, user: org.ana, admin: false },
    executive: { within: org, user: org.vera, admin: false },
    otherBranch: { within: org, user: org.otto, admin: false },
    admin: { within: org, user: org.ida, admin: true },
    twinManager: { within: twin, user: twin.mia, admin: true },
  };
}, 120_000);

function send(request: WireRequest): Promise<LightMyRequestResponse> {
  const caller = callers[request.caller];
  const headers: Record<string, string> = {};
  if (request.ifMatch !== undefined) headers["if-match"] = request.ifMatch;
  if (request.body?.contentType !== undefined) headers["content-type"] = request.body.contentType;
  if (caller === undefined) {
    return hostile().world.app.inject({
      method: request.method,
      url: request.url,
      headers,
      ...(request.body === undefined ? {} : { payload: request.body.text }),
    });
  }
  return hostile().as(caller.within, caller.user, request.method, request.url, {
    headers,
    admin: caller.admin,
    ...(request.body === undefined ? {} : { body: request.body.text }),
  });
}

function hostileRequest(route: FuzzedRoute, valid: ValidRequest): fc.Arbitrary<WireRequest> {
  const { org, twin, records, twinRecords } = hostile();
  const guessedIds = [
    twinRecords.reportId,
    twinRecords.sharedId,
    twinRecords.draftId,
    twinRecords.suggestionId,
    records.commentId,
    records.goalId,
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-4fff-bfff-ffffffffffff",
  ];
  const guessedAddresses = [
    twin.ana.mail,
    org.zoe.mail,
    org.otto.mail,
    "ANA@CONTOSO.COM",
    "nobody@contoso.com",
  ];
  const param = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(encodeURIComponent(valid.params[name]!)) },
      { weight: 1, arbitrary: fc.constantFrom(...guessedIds, ...guessedAddresses).map(encodeURIComponent) },
      { weight: 2, arbitrary: hostileUrlPart },
    );
  const path = fc
    .tuple(...route.parameters.map(param))
    .map((values) =>
      route.parameters.reduce((built, name, index) => built.replace(`:${name}`, values[index]!), route.path),
    );
  const validQuery = Object.entries(valid.query).map(([key, value]) => `${key}=${percentEncode(value)}`);
  const query = fc.oneof(
    fc.constant(validQuery.join("&")),
    fc
      .tuple(fc.nat(), hostileUrlPart)
      .map(([index, value]) =>
        validQuery
          .map((pair, at) =>
            validQuery.length > 0 && at === index % validQuery.length
              ? `${pair.split("=")[0]}=${value}`
              : pair,
          )
          .join("&"),
      ),
    hostileQuery(Object.keys(valid.query)),
  );
  const jsonOf = (value: unknown): WireBody => ({
    text: JSON.stringify(value),
    contentType: "application/json",
  });
  const bodies: fc.Arbitrary<WireBody | undefined>[] = [malformedBody, hostileValue.map(jsonOf)];
  if (route.csv) {
    bodies.push(
      fc.constant({ text: String(valid.body), contentType: "text/csv" }),
      fc.string({ unit: "binary", maxLength: 400 }).map((text) => ({ text, contentType: "text/csv" })),
    );
  } else if (valid.body !== undefined) {
    bodies.push(fc.constant(jsonOf(valid.body)), mutatedBody(valid.body), mutatedBody(valid.body));
  } else {
    bodies.push(fc.constant(undefined), fc.constant(undefined));
  }
  const ifMatch = fc.option(
    fc.constantFrom('"1"', "2", '"3"', "0", "", "abc", '"99999999999"', "*", 'W/"1"', "\t1 ", "-1", "1e3"),
    { freq: route.versioned ? 4 : 1, nil: undefined },
  );
  return fc
    .record({
      caller: fc.constantFrom(...Object.keys(callers), "nobody"),
      path,
      query,
      body: fc.oneof(...bodies),
      ifMatch,
    })
    .map(({ caller, path: builtPath, query: builtQuery, body, ifMatch: version }) => {
      return {
        method: route.method,
        caller,
        url: builtQuery === "" ? builtPath : `${builtPath}?${builtQuery}`,
        body,
        ifMatch: version,
      };
    });
}

function describeRequest(request: WireRequest, response: LightMyRequestResponse): string {
  const body =
    request.body === undefined
      ? ""
      : ` ${request.body.contentType ?? "(no type)"} ${request.body.text.slice(0, 300)}`;
  return `${request.method} ${request.url.slice(0, 300)} as ${request.caller}${body} → ${response.statusCode} ${response.body.slice(0, 500)}`;
}

describe("every JSON route under hostile input", () => {
  for (const route of FUZZED_ROUTES) {
    it(`${route.method} ${route.path}: never a 5xx, a JSON error with a code, and nothing changed when refused`, async () => {
      const valid = validRequest(route, hostile());
      await fc.assert(
        fc.asyncProperty(hostileRequest(route, valid), async (request) => {
          const before = await hostile().fingerprint();
          const response = await send(request);
          const seen = describeRequest(request, response);
          expect(response.statusCode, seen).toBeLessThan(500);
          expect(response.headers["x-content-type-options"], seen).toBe("nosniff");
          if (!response.headers["content-type"]?.toString().startsWith("text/html")) {
            expect(response.headers["content-security-policy"], seen).toBe(API_CSP);
          }
          if (response.statusCode < 400) return;
          expect(await hostile().fingerprint(), seen).toEqual(before);
          if (route.path.startsWith("/graph/") && response.statusCode === 403) return;
          expect(response.headers["content-type"], seen).toMatch(/^application\/json/);
          expect(ERROR_CODES, seen).toContain(response.json().code);
          expect(response.json().message, seen).toEqual(expect.any(String));
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }, 60_000);
  }
});
