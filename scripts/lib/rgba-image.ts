/** An 8-bit RGBA raster, row-major, four bytes per pixel, no padding. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export function alphaAt(image: RgbaImage, x: number, y: number): number {
  return image.pixels[(y * image.width + x) * 4 + 3] ?? 0;
}
