import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RequestError } from "./api-error.ts";
import { parseRequest } from "./validate.ts";

const body = z.object({ text: z.string(), list: z.array(z.unknown()).optional() });

function refusal(value: unknown): RequestError {
  try {
    parseRequest(body, value, "body");
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("parseRequest", () => {
  it("takes text with surrogate pairs, right-to-left marks and markup as it is", () => {
    const text = "🧑🏽‍💼 \u202e<script>alert(1)</script>";
    expect(parseRequest(body, { text }, "body")).toEqual({ text });
  });

  it.each([
    ["a NUL", { text: "a\u0000b" }, "body.text"],
    ["a lone high surrogate", { text: "\ud800" }, "body.text"],
    ["a lone low surrogate deep inside", { text: "", list: [{ a: ["\udc00"] }] }, "body.list.0.a.0"],
    ["a NUL in a key", { text: "", list: [{ "k\u0000": 1 }] }, "body.list.0.k\u0000"],
  ])("refuses %s with 400 and the path of the value, before the schema", (_name, value, path) => {
    const error = refusal(value);
    expect(error.code).toBe("bad_request");
    expect(error.details.issues).toEqual([{ path, message: expect.any(String) }]);
  });

  it("walks JSON nested deeper than the stack without overflowing", () => {
    let deep: unknown = "\u0000";
    for (let depth = 0; depth < 200_000; depth++) deep = [deep];
    expect(refusal({ text: "", list: [deep] }).code).toBe("bad_request");
  });
});
