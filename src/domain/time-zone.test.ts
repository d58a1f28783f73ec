import fc from "fast-check";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { WINDOWS_TO_IANA_MAP } from "windows-iana";
import { isKnownZone, toIanaZone } from "./time-zone.ts";

const WINDOWS_NAMES = [...new Set(WINDOWS_TO_IANA_MAP.map((entry) => entry.windowsName))];

describe("toIanaZone", () => {
  it.each([
    ["Pacific Standard Time", "America/Los_Angeles"],
    ["Eastern Standard Time", "America/New_York"],
    ["W. Europe Standard Time", "Europe/Berlin"],
    ["GMT Standard Time", "Europe/London"],
    ["UTC-11", "Etc/GMT+11"],
    ["Europe/Berlin", "Europe/Berlin"],
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["  Eastern Standard Time ", "America/New_York"],
  ])("maps %j to %s", (name, iana) => {
    expect(toIanaZone(name)).toBe(iana);
  });

  it.each(["UTC", "utc", "GMT", "Z", "Etc/UTC", "tzone://Microsoft/Utc"])("reads %j as UTC", (name) => {
    expect(toIanaZone(name)).toBe("UTC");
  });

  it.each([
    "",
    "   ",
    "Mars/Olympus_Mons",
    "Atlantis Standard Time",
    "Customized Time Zone",
    "tzone://Microsoft/Custom",
  ])("knows no zone called %j", (name) => {
    expect(toIanaZone(name)).toBeUndefined();
    expect(isKnownZone(name)).toBe(false);
  });

  it("maps every Windows zone name Graph can send to a zone Luxon can use", () => {
    for (const name of WINDOWS_NAMES) {
      const iana = toIanaZone(name);
      expect(iana, name).toBeDefined();
      expect(IANAZone.isValidZone(iana!), `${name} → ${iana}`).toBe(true);
    }
  });

  it("answers the same for a name every time, and only with usable zones", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...WINDOWS_NAMES, "UTC", "Europe/Paris"), fc.string()), (name) => {
        const first = toIanaZone(name);
        expect(toIanaZone(name)).toBe(first);
        if (first !== undefined) expect(IANAZone.isValidZone(first)).toBe(true);
        expect(isKnownZone(name)).toBe(first !== undefined);
      }),
    );
  });
});
