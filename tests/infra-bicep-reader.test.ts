import { describe, expect, it } from "vitest";
import {
  at,
  BicepExpression,
  BicepSyntaxError,
  expressionOf,
  isObject,
  readBicep,
  readBicepParams,
} from "./infra-bicep.ts";

const TEMPLATE = `// A comment before anything
targetScope = 'resourceGroup'

@description('Which one; it\\'s required')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@secure()
param password string
param location string = resourceGroup().location
param replicas int = 2 // trailing comment
param names array = [ 'a', 'b' ]

var settings = {
  dev: { size: 'S', count: 1 }
  prod: {
    size: 'L'
    /* block
       comment */
    count: 3
    enabled: true
    nothing: null
  }
}
var host = '\${name}.\${environment.outputs.defaultDomain}'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv'
}

resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(password)) {
  name: guid(vault.id, 'x')
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    list: [
      {
        name: 'FIRST'
        value: 'one'
      }
      {
        name: 'SECOND'
        secretRef: 'two'
      }
    ]
    '\${identityId}': {}
    'plain-key': 'v'
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    url: 'https://\${host}/{x}'
    cpu: json('0.5')
  }
}

output HOST string = host
output COUNT int = settings[environmentName].count
`;

describe("readBicep", () => {
  const file = readBicep(TEMPLATE);

  it("reads parameters with their types, defaults and decorators", () => {
    expect([...file.params.keys()]).toEqual(["environmentName", "password", "location", "replicas", "names"]);
    expect(file.params.get("environmentName")).toEqual({
      name: "environmentName",
      type: "string",
      defaultValue: undefined,
      decorators: ["@description('Which one; it\\'s required')", "@allowed([\n  'dev'\n  'prod'\n])"],
    });
    expect(file.params.get("password")!.decorators).toEqual(["@secure()"]);
    expect(file.params.get("location")!.defaultValue).toEqual(
      new BicepExpression("resourceGroup().location"),
    );
    expect(file.params.get("replicas")!.defaultValue).toBe(2);
    expect(file.params.get("names")!.defaultValue).toEqual(["a", "b"]);
  });

  it("reads object literals on one line and on many, with comments, booleans and null", () => {
    const settings = file.vars.get("settings");
    expect(settings).toEqual({
      dev: { size: "S", count: 1 },
      prod: { size: "L", count: 3, enabled: true, nothing: null },
    });
    expect(expressionOf(file.vars.get("host"))).toBe(`'\${name}.\${environment.outputs.defaultDomain}'`);
  });

  it("reads resources and modules with their targets, conditions and bodies", () => {
    expect(file.resources.map((r) => [r.symbol, r.target, r.existing, r.condition])).toEqual([
      ["vault", "Microsoft.KeyVault/vaults@2023-07-01", true, undefined],
      ["grant", "Microsoft.Authorization/roleAssignments@2022-04-01", false, "!empty(password)"],
    ]);
    const grant = file.resources[1]!.body;
    expect(expressionOf(at(grant, "name"))).toBe("guid(vault.id, 'x')");
    expect(expressionOf(at(grant, "properties", "principalId"))).toBe("identity.properties.principalId");
    expect(at(grant, "properties", "list", 1)).toEqual({ name: "SECOND", secretRef: "two" });
    expect(at(grant, "properties", `'\${identityId}'`)).toEqual({});
    expect(at(grant, "properties", "plain-key")).toBe("v");
    expect(file.modules.map((m) => [m.symbol, m.target])).toEqual([["app", "modules/app.bicep"]]);
    expect(expressionOf(at(file.modules[0]!.body, "params", "url"))).toBe(`'https://\${host}/{x}'`);
    expect(expressionOf(at(file.modules[0]!.body, "params", "cpu"))).toBe("json('0.5')");
  });

  it("reads outputs", () => {
    expect([...file.outputs]).toEqual([
      ["HOST", { type: "string", value: new BicepExpression("host") }],
      ["COUNT", { type: "int", value: new BicepExpression("settings[environmentName].count") }],
    ]);
  });

  it("follows paths only where they lead", () => {
    expect(at(file.vars.get("settings"), "prod", "count")).toBe(3);
    expect(at(file.vars.get("settings"), "test", "count")).toBeUndefined();
    expect(at(file.vars.get("host"), "x")).toBeUndefined();
    expect(isObject(file.vars.get("host"))).toBe(false);
    expect(isObject(file.vars.get("settings"))).toBe(true);
  });

  it("names the line of a declaration it does not know, or a string that never ends", () => {
    expect(() => readBicep("param a string\n\nfunc f() string => 'x'\n")).toThrow(
      new BicepSyntaxError("line 3: expected a known declaration, not func"),
    );
    expect(() => readBicep("var a = 'open\n")).toThrow(BicepSyntaxError);
    expect(() => readBicep("var a = {\n  b: 1\n")).toThrow(BicepSyntaxError);
  });
});

describe("readBicepParams", () => {
  it("reads the using line and each parameter", () => {
    const file = readBicepParams(
      "// why\nusing './main.bicep'\n\nparam a = readEnvironmentVariable('A')\nparam b = 'text'\nparam c = 3\n",
    );
    expect(file.using).toBe("./main.bicep");
    expect([...file.params]).toEqual([
      ["a", new BicepExpression("readEnvironmentVariable('A')")],
      ["b", "text"],
      ["c", 3],
    ]);
  });

  it("needs a using line", () => {
    expect(() => readBicepParams("param a = 1\n")).toThrow(
      new BicepSyntaxError("a .bicepparam file needs a using line"),
    );
  });
});
