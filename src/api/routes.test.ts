import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ERROR_CODES, ERROR_STATUS } from "./errors.ts";
import { pathFor, pathParameters, ROUTES, type RouteSpec } from "./routes.ts";

const routes = Object.entries(ROUTES) as [string, RouteSpec][];

describe("the route table", () => {
  it("names each method and path once", () => {
    const keys = routes.map(([, spec]) => `${spec.method} ${spec.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain("PUT /api/notes/:id");
    expect(keys).toContain("DELETE /api/admin/people/:email");
    expect(routes).toHaveLength(31);
  });

  it("gives every path parameter a schema, and the schema no other key", () => {
    for (const [name, spec] of routes) {
      const names = pathParameters(spec);
      if (names.length === 0) {
        expect(spec.params, name).toBeUndefined();
        continue;
      }
      expect(spec.params, name).toBeInstanceOf(z.ZodObject);
      expect(Object.keys((spec.params as z.ZodObject).shape).sort(), name).toEqual([...names].sort());
    }
  });

  it("keeps GET and DELETE free of bodies and lets only health checks go without sign-in", () => {
    for (const [name, spec] of routes) {
      if (spec.method === "GET" || spec.method === "DELETE") expect(spec.body, name).toBeUndefined();
      else expect(spec.body, name).toBeDefined();
    }
    expect(routes.filter(([, spec]) => spec.auth === "none").map(([name]) => name)).toEqual([
      "health",
      "ready",
    ]);
    expect(routes.filter(([, spec]) => spec.auth === "admin").map(([name]) => name)).toEqual([
      "saveBehaviours",
      "getTenantSettings",
      "saveTenantSettings",
      "exportPerson",
      "deletePerson",
    ]);
  });

  it("makes every versioned write say it may answer 412 and 428", () => {
    const versioned = routes.filter(([, spec]) => spec.headers !== undefined);
    expect(versioned.map(([name]) => name)).toEqual([
      "saveNote",
      "saveReflection",
      "savePlan",
      "savePolicy",
      "saveTenantSettings",
    ]);
    for (const [name, spec] of versioned) {
      expect(spec.errors, name).toEqual(expect.arrayContaining(["version_conflict", "version_required"]));
    }
  });

  it("names only known error codes, each with a 4xx or 5xx status", () => {
    for (const [, spec] of routes) for (const code of spec.errors) expect(ERROR_CODES).toContain(code);
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
  });

  it("fills in and encodes path parameters", () => {
    expect(pathFor(ROUTES.setOverride, { iCalUId: "040000008200E0/A+B==" })).toBe(
      "/api/events/040000008200E0%2FA%2BB%3D%3D/override",
    );
    expect(pathFor(ROUTES.setActionStatus, { id: "n1", actionId: "a1" })).toBe("/api/notes/n1/actions/a1");
    expect(() => pathFor(ROUTES.getNote, {})).toThrow("/api/notes/:id needs the parameter id");
  });
});

describe("the contract's dependencies", () => {
  it("import nothing but zod and each other, so the pages can use them", () => {
    const folder = new URL(".", import.meta.url);
    const files = readdirSync(folder).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(new URL(file, folder), "utf8");
      const specifiers = [...source.matchAll(/\bfrom\s+"([^"]+)"/g)].map((match) => match[1]!);
      expect(
        specifiers.filter((specifier) => specifier !== "zod" && !/^\.\/[\w-]+\.ts$/.test(specifier)),
        file,
      ).toEqual([]);
    }
  });
});
