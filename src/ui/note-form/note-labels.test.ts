import { describe, expect, it } from "vitest";
import { fieldLabel, fieldValueText } from "./note-labels.ts";

const names: Record<string, string> = { discovery: "Discovery questions", close: "Asking for the business" };
const nameOf = (id: string) => names[id] ?? id;

describe("note labels", () => {
  it("names each kind of field", () => {
    expect(fieldLabel("gaps", nameOf)).toBe("Gaps seen");
    expect(fieldLabel("focus", nameOf)).toBe("Focus behaviours");
    expect(fieldLabel("focus/discovery/rating", nameOf)).toBe("Rating: Discovery questions");
    expect(fieldLabel("focus/close/evidence", nameOf)).toBe("Evidence: Asking for the business");
  });

  it("shows values as people read them", () => {
    expect(fieldValueText("focus/discovery/rating", 3, nameOf)).toBe("3: Proficient");
    expect(fieldValueText("focus/discovery/rating", null, nameOf)).toBe("(empty)");
    expect(fieldValueText("focus", ["close", "discovery"], nameOf)).toBe(
      "Asking for the business, Discovery questions",
    );
    expect(fieldValueText("focus", [], nameOf)).toBe("(none)");
    expect(fieldValueText("gaps", "Pricing", nameOf)).toBe("Pricing");
  });
});
