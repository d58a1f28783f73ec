// Redraws every icon in manifest/icons/ from manifest/icon-catalog.ts: `node scripts/make-icons.ts`.
// The PNGs are committed; run this after changing the mark, the colours or the catalogue.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { drawIcon } from "../manifest/draw-icon.ts";
import { ALL_ICONS } from "../manifest/icon-catalog.ts";
import { encodePng } from "./lib/png-encode.ts";

export const ICONS_DIR = fileURLToPath(new URL("../manifest/icons/", import.meta.url));

export function writeIcons(directory: string): string[] {
  mkdirSync(directory, { recursive: true });
  return ALL_ICONS.map((spec) => {
    const path = join(directory, spec.file);
    writeFileSync(path, encodePng(drawIcon(spec)));
    return path;
  });
}

if (import.meta.main) {
  for (const path of writeIcons(ICONS_DIR)) process.stdout.write(`${path}\n`);
}
