import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { drawIcon } from "../manifest/draw-icon.ts";
import { ALL_ICONS, type IconSpec, TEAMS_COLOR_ICON, TEAMS_OUTLINE_ICON } from "../manifest/icon-catalog.ts";
import { validateIcon, validateIconDirectory } from "../manifest/validate-icons.ts";
import { decodePng, readPngHeader } from "../scripts/lib/png-decode.ts";
import { encodePng } from "../scripts/lib/png-encode.ts";
import type { RgbaImage } from "../scripts/lib/rgba-image.ts";
import { ICONS_DIR, writeIcons } from "../scripts/make-icons.ts";

const scratch = mkdtempSync(join(tmpdir(), "fieldcoach-icons-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function committed(spec: IconSpec): Buffer {
  return readFileSync(join(ICONS_DIR, spec.file));
}

function filled(size: number, rgba: [number, number, number, number]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) pixels.set(rgba, i * 4);
  return { width: size, height: size, pixels };
}

describe("the committed icons", () => {
  it("pass the icon checks: sizes, a transparent background, a white outline", () => {
    expect(validateIconDirectory(ICONS_DIR)).toEqual([]);
  });

  it("are the colour 192 px and outline 32 px Teams icons and the 16, 32, 80 px Outlook icons", () => {
    const sizes = Object.fromEntries(
      ALL_ICONS.map((spec) => [spec.file, readPngHeader(committed(spec)).width]),
    );
    expect(sizes).toMatchObject({
      "color.png": 192,
      "outline.png": 32,
      "icon-16.png": 16,
      "icon-32.png": 32,
      "icon-80.png": 80,
    });
    const outline = readPngHeader(committed(TEAMS_OUTLINE_ICON));
    expect(outline.colorType).toBe(6);
  });

  it("are exactly what scripts/make-icons.ts draws, so they can be regenerated", () => {
    const written = writeIcons(scratch);
    expect(written.map((path) => basename(path)).sort()).toEqual(ALL_ICONS.map((spec) => spec.file).sort());
    for (const spec of ALL_ICONS) {
      const expected = drawIcon(spec);
      for (const png of [committed(spec), readFileSync(join(scratch, spec.file))]) {
        const decoded = decodePng(png);
        expect(Buffer.from(decoded.pixels).equals(Buffer.from(expected.pixels)), spec.file).toBe(true);
      }
    }
  });
});

describe("the icon checks", () => {
  it("reject an icon of the wrong size", () => {
    const wrong = encodePng(drawIcon({ ...TEAMS_OUTLINE_ICON, pixels: 48 }));
    expect(validateIcon(TEAMS_OUTLINE_ICON, wrong)).toEqual(["outline.png: is 48x48 px; 32x32 px expected."]);
  });

  it("reject an outline icon without a transparent background", () => {
    const opaque = encodePng(filled(32, [255, 255, 255, 255]));
    expect(validateIcon(TEAMS_OUTLINE_ICON, opaque)).toEqual([
      "outline.png: needs a transparent background, and its corners are not transparent.",
    ]);
  });

  it("reject an outline icon drawn in colour", () => {
    const tinted = drawIcon(TEAMS_OUTLINE_ICON);
    for (let i = 0; i < tinted.pixels.length; i += 4) if (tinted.pixels[i + 3]! > 0) tinted.pixels[i] = 200;
    expect(validateIcon(TEAMS_OUTLINE_ICON, encodePng(tinted)).join()).toMatch(
      /must be white on transparency; \d+ pixels are not white/,
    );
  });

  it("reject an Outlook button icon on an opaque square", () => {
    const spec = ALL_ICONS.find((icon) => icon.file === "icon-32.png")!;
    expect(validateIcon(spec, encodePng(filled(32, [14, 122, 107, 255])))).toHaveLength(1);
  });

  it("accept a colour icon with a solid background", () => {
    expect(validateIcon(TEAMS_COLOR_ICON, encodePng(filled(192, [14, 122, 107, 255])))).toEqual([]);
  });

  it("reject a file that is not a PNG, and a missing file", () => {
    expect(validateIcon(TEAMS_COLOR_ICON, Buffer.from("<svg/>"))).toEqual([
      "color.png: The PNG signature is missing.",
    ]);
    expect(validateIconDirectory(`${scratch}-missing`)[0]).toMatch(/^color\.png: missing from /);
  });
});
