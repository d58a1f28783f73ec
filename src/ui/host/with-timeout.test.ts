import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TimeoutError, withTimeout } from "./with-timeout.ts";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("withTimeout", () => {
  it("passes on what settles in time", async () => {
    await expect(withTimeout(Promise.resolve("teams"), 1_500, "Teams")).resolves.toBe("teams");
    await expect(
      withTimeout(Promise.reject(new Error("No Parent window found")), 1_500, "Teams"),
    ).rejects.toThrow("No Parent window found");
  });

  it("gives up on what does not", async () => {
    const never = new Promise<never>(() => {});
    const raced = withTimeout(never, 1_500, "Teams initialization");
    const settled = expect(raced).rejects.toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(1_499);
    await vi.advanceTimersByTimeAsync(1);
    await settled;
    await expect(raced).rejects.toThrow("Teams initialization did not answer within 1500 ms");
  });
});
