import type { ThemeName } from "../ui/theme/theme-name.ts";

/**
 * Outlook names no theme (its `themeId` and `isDarkTheme` are not supported there); it gives the
 * colours. A body background on which white text contrasts more than black text is a dark theme.
 * Undefined when the colour is not one Outlook writes ("#RRGGBB" or "#RGB"), so that the caller falls
 * back to the system's preference.
 */
export function themeNameFromOfficeBackground(color: string | undefined): ThemeName | undefined {
  const rgb = color === undefined ? undefined : parseHexColor(color.trim());
  if (rgb === undefined) return undefined;
  const luminance = relativeLuminance(rgb);
  const againstWhite = 1.05 / (luminance + 0.05);
  const againstBlack = (luminance + 0.05) / 0.05;
  return againstWhite > againstBlack ? "dark" : "light";
}

type Rgb = readonly [number, number, number];

function parseHexColor(color: string): Rgb | undefined {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short !== null) {
    return [channel(short[1]! + short[1]!), channel(short[2]! + short[2]!), channel(short[3]! + short[3]!)];
  }
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (long !== null) return [channel(long[1]!), channel(long[2]!), channel(long[3]!)];
  return undefined;
}

function channel(hex: string): number {
  return Number.parseInt(hex, 16) / 255;
}

/** WCAG's relative luminance, from 0 (black) to 1 (white). */
function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
