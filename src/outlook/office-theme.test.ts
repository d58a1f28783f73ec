import { describe, expect, it } from "vitest";
import { themeNameFromOfficeBackground } from "./office-theme.ts";

describe("themeNameFromOfficeBackground", () => {
  it("reads Outlook's light and dark body colours", () => {
    expect(themeNameFromOfficeBackground("#FFFFFF")).toBe("light");
    expect(themeNameFromOfficeBackground("#f3f2f1")).toBe("light");
    expect(themeNameFromOfficeBackground("#1F1F1F")).toBe("dark");
    expect(themeNameFromOfficeBackground("#292929")).toBe("dark");
    expect(themeNameFromOfficeBackground(" #000 ")).toBe("dark");
    expect(themeNameFromOfficeBackground("#fff")).toBe("light");
  });

  it("splits greys where white and black text contrast equally", () => {
    expect(themeNameFromOfficeBackground("#757575")).toBe("dark");
    expect(themeNameFromOfficeBackground("#767676")).toBe("light");
  });

  it("leaves the choice to the system when the colour is missing or unreadable", () => {
    expect(themeNameFromOfficeBackground(undefined)).toBeUndefined();
    expect(themeNameFromOfficeBackground("")).toBeUndefined();
    expect(themeNameFromOfficeBackground("white")).toBeUndefined();
    expect(themeNameFromOfficeBackground("#12345")).toBeUndefined();
  });
});
