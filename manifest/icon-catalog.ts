/**
 * How an icon is drawn: `tile` is the Teams colour icon (white mark on an accent tile), `outline`
 * the Teams outline icon (white mark on transparency), `mark` the Outlook ribbon and add-in icons
 * (accent mark on transparency), `log` the Outlook mobile button (grey mark on transparency, the
 * grey Outlook on Android asks for).
 */
export type IconStyle = "tile" | "outline" | "mark" | "log";

export interface IconSpec {
  /** File name under manifest/icons/, also the last segment of the icon's URL. */
  readonly file: string;
  /** Width and height in pixels. */
  readonly pixels: number;
  readonly style: IconStyle;
}

function icon(file: string, pixels: number, style: IconStyle): IconSpec {
  return { file, pixels, style };
}

/** Teams colour and outline icons: they travel inside the app package, at its root. */
export const TEAMS_COLOR_ICON = icon("color.png", 192, "tile");
export const TEAMS_OUTLINE_ICON = icon("outline.png", 32, "outline");

/** Ribbon button icons, by the size Outlook asks for. */
export const RIBBON_ICONS = [
  icon("icon-16.png", 16, "mark"),
  icon("icon-32.png", 32, "mark"),
  icon("icon-80.png", 80, "mark"),
];

/** The add-in's own icon in Outlook's add-in lists: 64 px, and 128 px for high-DPI screens. */
export const ADDIN_ICON = icon("icon-64.png", 64, "mark");
export const ADDIN_HIGH_RESOLUTION_ICON = icon("icon-128.png", 128, "mark");

/** Outlook mobile wants nine icons: 25, 32 and 48 points at scales 1, 2 and 3. */
export const MOBILE_ICON_POINTS = [25, 32, 48] as const;
export const MOBILE_ICON_SCALES = [1, 2, 3] as const;

export function mobileIcon(points: number, scale: number): IconSpec {
  return icon(`log-${points * scale}.png`, points * scale, "log");
}

const MOBILE_ICONS = MOBILE_ICON_POINTS.flatMap((points) =>
  MOBILE_ICON_SCALES.map((scale) => mobileIcon(points, scale)),
);

/** Every icon file, once (32 pt at scale 3 and 48 pt at scale 2 share one 96 px file). */
export const ALL_ICONS: readonly IconSpec[] = [
  TEAMS_COLOR_ICON,
  TEAMS_OUTLINE_ICON,
  ...RIBBON_ICONS,
  ADDIN_ICON,
  ADDIN_HIGH_RESOLUTION_ICON,
  ...MOBILE_ICONS,
].filter((spec, index, all) => all.findIndex((other) => other.file === spec.file) === index);

export function ribbonIcon(pixels: 16 | 32 | 80): IconSpec {
  return RIBBON_ICONS.find((spec) => spec.pixels === pixels)!;
}
