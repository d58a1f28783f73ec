import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type AppManifest, AppManifestUtils } from "@microsoft/app-manifest";
import { childPath } from "../src/domain/input-error.ts";
import { ACTIVITY_TYPES, type ResolvedApp } from "./app-definition.ts";
import type { UnifiedManifest } from "./build-unified-manifest.ts";
import { TEAMS_COLOR_ICON, TEAMS_OUTLINE_ICON } from "./icon-catalog.ts";
import { iconAt, isUnderBase } from "./url-rules.ts";

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/;
const MINIMUM_VERSION_WITH_EXTENSIONS = [1, 17];

/**
 * Where @microsoft/app-manifest keeps the schema for a manifest version. The package reads this
 * file instead of downloading when `$schema` is Microsoft's URL for a version it bundles.
 */
export function bundledSchemaPath(manifestVersion: string): string {
  const entry = createRequire(import.meta.url).resolve("@microsoft/app-manifest");
  return join(dirname(entry), "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* stringsIn(item, childPath(path, i));
  else if (isRecord(value))
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, childPath(path, key));
}

function versionAtLeast(version: string, minimum: number[]): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > minimum[0]! || (major === minimum[0]! && minor >= minimum[1]!);
}

/** Checks that only make sense once the schema has accepted the manifest's shape. */
function checkContent(manifest: UnifiedManifest, app: ResolvedApp): string[] {
  const problems: string[] = [];
  const { deployment } = app;
  if (manifest.id !== deployment.appId) problems.push(`$.id: must be the app id ${deployment.appId}.`);
  if (manifest.icons.color !== TEAMS_COLOR_ICON.file || manifest.icons.outline !== TEAMS_OUTLINE_ICON.file) {
    problems.push(
      `$.icons: must name ${TEAMS_COLOR_ICON.file} and ${TEAMS_OUTLINE_ICON.file}, the package's icons.`,
    );
  }
  for (const [i, domain] of (manifest.validDomains ?? []).entries()) {
    if (domain !== app.host)
      problems.push(`$.validDomains[${i}]: "${domain}" is not the base URL's host ${app.host}.`);
  }
  const sso = manifest.webApplicationInfo;
  if (sso?.id !== deployment.clientId)
    problems.push(`$.webApplicationInfo.id: must be the client id ${deployment.clientId}.`);
  if (sso?.resource !== app.apiResource)
    problems.push(`$.webApplicationInfo.resource: must be ${app.apiResource}.`);

  if (!manifest.staticTabs?.some((tab) => tab.scopes.includes("personal"))) {
    problems.push("$.staticTabs: no tab in the personal scope.");
  }
  const panel = manifest.configurableTabs?.[0];
  if (
    panel === undefined ||
    !panel.scopes.includes("groupChat") ||
    !panel.context?.includes("meetingSidePanel")
  ) {
    problems.push(
      "$.configurableTabs: the meeting side panel needs a groupChat tab with the meetingSidePanel context.",
    );
  }

  const declared = (manifest.activities?.activityTypes ?? []).map((activity) => activity.type);
  for (const expected of ACTIVITY_TYPES) {
    if (!declared.includes(expected.type))
      problems.push(`$.activities.activityTypes: ${expected.type} is missing.`);
  }
  if (new Set(declared).size !== declared.length)
    problems.push("$.activities.activityTypes: a type is declared twice.");

  const extension = manifest.extensions?.[0];
  if (extension === undefined) return [...problems, "$.extensions: the Outlook add-in is missing."];
  const actions = new Set(
    extension.runtimes?.flatMap((runtime) => runtime.actions?.map((action) => action.id) ?? []),
  );
  const contexts = new Set(extension.ribbons?.flatMap((ribbon) => ribbon.contexts ?? []));
  for (const needed of ["meetingDetailsOrganizer", "meetingDetailsAttendee"] as const) {
    if (!contexts.has(needed)) problems.push(`$.extensions[0].ribbons: no ribbon for the ${needed} context.`);
  }
  const checkIcon = (path: string, url: string, pixels: number) => {
    const icon = iconAt(url, app);
    if (icon === undefined) problems.push(`${path}: ${url} is not one of manifest/icons/.`);
    else if (icon.pixels !== pixels)
      problems.push(`${path}: ${icon.file} is ${icon.pixels} px, ${pixels} px expected.`);
  };
  for (const [r, ribbon] of (extension.ribbons ?? []).entries()) {
    for (const [t, tab] of ribbon.tabs.entries()) {
      const tabPath = `$.extensions[0].ribbons[${r}].tabs[${t}]`;
      for (const [g, group] of (tab.groups ?? []).entries()) {
        for (const [c, control] of (group.controls ?? []).entries()) {
          const path = `${tabPath}.groups[${g}].controls[${c}]`;
          if (control.actionId !== undefined && !actions.has(control.actionId)) {
            problems.push(`${path}.actionId: "${control.actionId}" is no runtime action.`);
          }
          for (const [k, icon] of control.icons.entries())
            checkIcon(`${path}.icons[${k}]`, icon.url, icon.size);
        }
      }
      for (const [g, group] of (tab.customMobileRibbonGroups ?? []).entries()) {
        for (const [c, control] of group.controls.entries()) {
          const path = `${tabPath}.customMobileRibbonGroups[${g}].controls[${c}]`;
          if (!actions.has(control.actionId))
            problems.push(`${path}.actionId: "${control.actionId}" is no runtime action.`);
          for (const [k, icon] of control.icons.entries()) {
            checkIcon(`${path}.icons[${k}]`, icon.url, icon.size * icon.scale);
          }
        }
      }
    }
  }
  for (const [a, alternate] of (extension.alternates ?? []).entries()) {
    const icons = alternate.alternateIcons;
    if (icons === undefined) continue;
    checkIcon(`$.extensions[0].alternates[${a}].alternateIcons.icon`, icons.icon.url, icons.icon.size);
    // The high-resolution icon is declared in points and drawn at twice that.
    const high = icons.highResolutionIcon;
    checkIcon(`$.extensions[0].alternates[${a}].alternateIcons.highResolutionIcon`, high.url, high.size * 2);
  }
  return problems;
}

/**
 * Validates a unified manifest offline: against the schema bundled in @microsoft/app-manifest
 * (a manifest whose `$schema` the package does not bundle is refused rather than downloaded),
 * then every URL against the base URL, the ids against the deployment, the icons against the
 * catalogue, and the surfaces FieldCoach needs. Returns one sentence per problem.
 */
export async function validateUnifiedManifest(manifest: unknown, app: ResolvedApp): Promise<string[]> {
  if (!isRecord(manifest)) return ["$: the manifest is not a JSON object."];
  const problems: string[] = [];
  for (const [path, value] of stringsIn(manifest, "$")) {
    if (path === "$.$schema" || !/^https?:\/\//i.test(value)) continue;
    if (!isUnderBase(value, app.deployment.baseUrl)) {
      problems.push(`${path}: ${value} is outside the base URL ${app.deployment.baseUrl}.`);
    }
  }
  const schemaUrl = manifest.$schema;
  const version = manifest.manifestVersion;
  const match = typeof schemaUrl === "string" ? SCHEMA_URL.exec(schemaUrl) : null;
  if (match === null || typeof version !== "string" || match[1] !== version) {
    return [...problems, "$.$schema: must be Microsoft's schema URL for the manifest's own manifestVersion."];
  }
  if (!versionAtLeast(version, MINIMUM_VERSION_WITH_EXTENSIONS)) {
    return [
      ...problems,
      `$.manifestVersion: ${version} cannot hold an Outlook add-in; 1.17 or later is needed.`,
    ];
  }
  if (!existsSync(bundledSchemaPath(version))) {
    return [...problems, `$.manifestVersion: @microsoft/app-manifest bundles no schema for ${version}.`];
  }
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
  if (schemaErrors.length > 0) {
    return [
      ...problems,
      ...schemaErrors.map((error) => `schema: $${error.replace(/\. Details: .*$/s, ".")}`),
    ];
  }
  return [...problems, ...checkContent(manifest as unknown as UnifiedManifest, app)];
}
