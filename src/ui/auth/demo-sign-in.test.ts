import { describe, expect, it } from "vitest";
import type { KeyValueStorage } from "../note-form/draft-store.ts";
import { createDemoSignIn, DEMO_TOKEN_KEY } from "./demo-sign-in.ts";
import { SignInError } from "./sign-in-error.ts";

const NOW = Date.parse("2026-03-02T12:00:00Z");

function memoryStorage(): KeyValueStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A stand-in for the server's two demo routes, recording what the page asked for. */
function demoServer(options: { readonly demo: boolean }) {
  const requests: { path: string; body: unknown }[] = [];
  let issued = 0;
  const fetcher = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = String(input);
    requests.push({ path, body: init?.body === undefined ? undefined : JSON.parse(String(init.body)) });
    if (!options.demo)
      return Response.json({ code: "not_found", message: "Route not found" }, { status: 404 });
    if (path === "/api/demo/people") {
      return Response.json({
        people: [
          {
            objectId: "o-1",
            name: "Mia Manager",
            email: "mia@contoso.com",
            jobTitle: "Sales Manager",
            role: "manager",
            managerName: "Vic VP",
          },
        ],
      });
    }
    issued += 1;
    return Response.json({
      accessToken: `token-${issued}`,
      expiresAt: new Date(NOW + 3_600_000).toISOString(),
      person: { name: "Mia Manager" },
    });
  };
  return { fetcher: fetcher as typeof fetch, requests };
}

describe("demo sign-in", () => {
  it("asks the person to choose before anyone is signed in", async () => {
    const server = demoServer({ demo: true });
    const demo = createDemoSignIn({ storage: memoryStorage(), fetch: server.fetcher, now: () => NOW });
    await expect(demo.getToken()).rejects.toMatchObject({ problem: "interaction-required" });
    expect(await demo.listPeople()).toHaveLength(1);
  });

  it("keeps the token and renews it for the same person when it expires or the API refuses it", async () => {
    const server = demoServer({ demo: true });
    const storage = memoryStorage();
    let now = NOW;
    const demo = createDemoSignIn({ storage, fetch: server.fetcher, now: () => now });
    await demo.signInAs("o-1", true);
    expect(demo.signedInName()).toBe("Mia Manager");
    expect(await demo.getToken()).toBe("token-1");
    expect(await demo.getToken({ refresh: true })).toBe("token-2");
    now = NOW + 3_600_000;
    expect(await demo.getToken()).toBe("token-3");
    expect(server.requests.filter((r) => r.path === "/api/demo/sign-in").map((r) => r.body)).toEqual([
      { objectId: "o-1", admin: true },
      { objectId: "o-1", admin: true },
      { objectId: "o-1", admin: true },
    ]);
  });

  it("uses a token the server's own picker page stored, and asks again once it expires", async () => {
    const storage = memoryStorage();
    storage.setItem(
      DEMO_TOKEN_KEY,
      JSON.stringify({
        accessToken: "from-picker",
        expiresAt: new Date(NOW + 120_000).toISOString(),
        name: "Ana",
      }),
    );
    let now = NOW;
    const demo = createDemoSignIn({ storage, fetch: demoServer({ demo: true }).fetcher, now: () => now });
    expect(await demo.getToken()).toBe("from-picker");
    now = NOW + 61_000;
    await expect(demo.getToken()).rejects.toBeInstanceOf(SignInError);
    expect(storage.items.has(DEMO_TOKEN_KEY)).toBe(false);
  });

  it("says so when the server is not the demo", async () => {
    const demo = createDemoSignIn({
      storage: memoryStorage(),
      fetch: demoServer({ demo: false }).fetcher,
      now: () => NOW,
    });
    await expect(demo.listPeople()).rejects.toMatchObject({ problem: "unsupported" });
  });

  it("forgets the person on sign-out", async () => {
    const storage = memoryStorage();
    const demo = createDemoSignIn({ storage, fetch: demoServer({ demo: true }).fetcher, now: () => NOW });
    await demo.signInAs("o-1", false);
    demo.signOut();
    expect(demo.signedInName()).toBeUndefined();
    await expect(demo.getToken()).rejects.toMatchObject({ problem: "interaction-required" });
  });
});
