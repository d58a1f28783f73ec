import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodePng, PngFormatError } from "../scripts/lib/png-decode.ts";
import { alphaAt } from "../scripts/lib/rgba-image.ts";
import { ALL_ICONS, type IconSpec } from "./icon-catalog.ts";

/**
 * Checks one icon file against its catalogue entry: a PNG of the right square size, and for the
 * Teams outline icon a transparent background with a white foreground (Teams tints it), for the
 * Outlook icons a transparent background. Returns one sentence per problem.
 */
export function validateIcon(spec: IconSpec, png: Uint8Array): string[] {
  let image: ReturnType<typeof decodePng>;
  try {
    image = decodePng(png);
  } catch (error) {
    if (error instanceof PngFormatError) return [`${spec.file}: ${error.message}`];
    throw error;
  }
  const problems: string[] = [];
  if (image.width !== spec.pixels || image.height !== spec.pixels) {
    problems.push(
      `${spec.file}: is ${image.width}x${image.height} px; ${spec.pixels}x${spec.pixels} px expected.`,
    );
  }
  if (spec.style === "tile") return problems;
  const { width, height, pixels } = image;
  let transparent = 0;
  let coloured = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (alphaAt(image, x, y) === 0) transparent++;
      else if (spec.style === "outline") {
        const at = (y * width + x) * 4;
        if (pixels[at] !== 255 || pixels[at + 1] !== 255 || pixels[at + 2] !== 255) coloured++;
      }
    }
  }
  const corners = [
    alphaAt(image, 0, 0),
    alphaAt(image, width - 1, 0),
    alphaAt(image, 0, height - 1),
    alphaAt(image, width - 1, height - 1),
  ];
  if (transparent === 0 || corners.some((alpha) => alpha !== 0)) {
    problems.push(`${spec.file}: needs a transparent background, and its corners are not transparent.`);
  }
  if (coloured > 0)
    problems.push(
      `${spec.file}: an outline icon must be white on transparency; ${coloured} pixels are not white.`,
    );
  return problems;
}

/** Checks every catalogue icon in a directory (manifest/icons/ by default). */
export function validateIconDirectory(directory: string): string[] {
  return ALL_ICONS.flatMap((spec) => {
    let png: Buffer;
    try {
      png = readFileSync(join(directory, spec.file));
    } catch {
      return [`${spec.file}: missing from ${directory}.`];
    }
    return validateIcon(spec, png);
  });
}
