import type { RgbaImage } from "../scripts/lib/rgba-image.ts";
import { ACCENT_COLOR } from "./app-definition.ts";
import type { IconSpec } from "./icon-catalog.ts";

type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];
const LOG_GREY: Rgb = [0x91, 0x91, 0x91];
/** Samples per pixel side: 4 × 4 samples give smooth edges even at 16 px. */
const SUPERSAMPLING = 4;

function hexToRgb(hex: string): Rgb {
  const channel = (start: number) => Number.parseInt(hex.slice(start, start + 2), 16);
  return [channel(1), channel(3), channel(5)];
}

/**
 * The FieldCoach mark, a target (a ring around a dot: coaching aims at one behaviour at a time),
 * in a unit square centred on (0.5, 0.5).
 */
function inMark(x: number, y: number): boolean {
  const distance = Math.hypot(x - 0.5, y - 0.5);
  return (distance >= 0.32 && distance <= 0.5) || distance <= 0.16;
}

/** A square with rounded corners filling the unit square, as Teams draws app tiles. */
function inTile(x: number, y: number): boolean {
  const radius = 0.2;
  const dx = Math.max(radius - x, x - (1 - radius), 0);
  const dy = Math.max(radius - y, y - (1 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

interface Layout {
  readonly markColor: Rgb;
  readonly tileColor: Rgb | undefined;
  /** Share of the icon's side the mark spans, centred. */
  readonly markScale: number;
}

function layoutFor(spec: IconSpec): Layout {
  switch (spec.style) {
    // Teams keeps a colour icon's symbol inside the central 120 of 192 pixels.
    case "tile":
      return { markColor: WHITE, tileColor: hexToRgb(ACCENT_COLOR), markScale: 120 / 192 };
    case "outline":
      return { markColor: WHITE, tileColor: undefined, markScale: 30 / 32 };
    case "mark":
      return { markColor: hexToRgb(ACCENT_COLOR), tileColor: undefined, markScale: 0.94 };
    case "log":
      return { markColor: LOG_GREY, tileColor: undefined, markScale: 0.94 };
  }
}

/** Draws one catalogue icon. Pure: the same spec always gives the same pixels. */
export function drawIcon(spec: IconSpec): RgbaImage {
  const size = spec.pixels;
  const { markColor, tileColor, markScale } = layoutFor(spec);
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let markHits = 0;
      let tileHits = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          if (tileColor !== undefined && inTile(x, y)) tileHits++;
          if (inMark((x - 0.5) / markScale + 0.5, (y - 0.5) / markScale + 0.5)) markHits++;
        }
      }
      const at = (py * size + px) * 4;
      if (tileColor === undefined) {
        pixels.set([...markColor, Math.round((markHits / samples) * 255)], at);
      } else {
        // The mark lies wholly inside the tile, so blending it over the tile colour is enough.
        const share = markHits / samples;
        const blend = markColor.map((channel, i) =>
          Math.round(channel * share + tileColor[i]! * (1 - share)),
        );
        pixels.set([...blend, Math.round((tileHits / samples) * 255)], at);
      }
    }
  }
  return { width: size, height: size, pixels };
}
