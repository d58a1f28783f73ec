import { readZip, ZipFormatError } from "../scripts/lib/zip-read.ts";
import type { ResolvedApp } from "./app-definition.ts";
import { TEAMS_COLOR_ICON, TEAMS_OUTLINE_ICON } from "./icon-catalog.ts";
import { validateIcon } from "./validate-icons.ts";
import { validateUnifiedManifest } from "./validate-unified-manifest.ts";

export const PACKAGE_FILES = ["manifest.json", TEAMS_COLOR_ICON.file, TEAMS_OUTLINE_ICON.file] as const;

/**
 * Opens a Teams / Microsoft 365 app package and checks it as an admin center would: exactly the
 * manifest and its two icons at the root, a valid manifest for this deployment, and icons of the
 * sizes and transparency Teams asks for. Returns one sentence per problem.
 */
export async function validateAppPackage(zip: Uint8Array, app: ResolvedApp): Promise<string[]> {
  let entries: ReturnType<typeof readZip>;
  try {
    entries = readZip(zip);
  } catch (error) {
    if (error instanceof ZipFormatError) return [`package: ${error.message}`];
    throw error;
  }
  const names = entries.map((entry) => entry.name);
  const problems: string[] = [];
  for (const name of names) {
    if (!(PACKAGE_FILES as readonly string[]).includes(name))
      problems.push(`package: "${name}" does not belong in it.`);
  }
  for (const name of PACKAGE_FILES) {
    if (!names.includes(name)) problems.push(`package: "${name}" is missing from its root.`);
  }
  const file = (name: string) => entries.find((entry) => entry.name === name)?.data;
  const manifestBytes = file("manifest.json");
  if (manifestBytes !== undefined) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(manifestBytes.toString("utf8"));
    } catch (error) {
      return [...problems, `manifest.json: not JSON (${(error as Error).message}).`];
    }
    problems.push(
      ...(await validateUnifiedManifest(manifest, app)).map((problem) => `manifest.json ${problem}`),
    );
  }
  for (const spec of [TEAMS_COLOR_ICON, TEAMS_OUTLINE_ICON]) {
    const png = file(spec.file);
    if (png !== undefined) problems.push(...validateIcon(spec, png));
  }
  return problems;
}
