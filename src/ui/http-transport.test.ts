import { describe, expect, it } from "vitest";
import { ApiFailure } from "./api-failure.ts";
import { SignInError } from "./auth/sign-in-error.ts";
import type { TokenSource } from "./auth/token-source.ts";
import { createTransport, versionOf } from "./http-transport.ts";

function tokens(): TokenSource & { readonly refreshes: number } {
  let issued = 0;
  let refreshes = 0;
  return {
    kind: "demo",
    async getToken(options) {
      if (options?.refresh === true) refreshes += 1;
      issued += 1;
      return `t${issued}`;
    },
    async signIn() {},
    signOut() {},
    get refreshes() {
      return refreshes;
    },
  };
}

interface Seen {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

function server(answers: readonly (() => Response)[]) {
  const seen: Seen[] = [];
  const fetcher = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    const answer = answers[seen.length - 1];
    if (answer === undefined) throw new TypeError("Failed to fetch");
    return answer();
  };
  return { fetcher: fetcher as typeof fetch, seen };
}

describe("transport", () => {
  it("sends the token, JSON, If-Match and the query, and reads the ETag's version", async () => {
    const api = server([() => Response.json({ ok: true }, { headers: { ETag: '"7"' } })]);
    const transport = createTransport({ tokens: tokens(), fetch: api.fetcher });
    const answer = await transport.send<{ ok: boolean }>({
      method: "PATCH",
      path: "/api/notes/n1",
      query: { from: "2026-03-01T00:00:00Z", manager: undefined },
      body: { gaps: "Pricing" },
      ifMatch: 6,
    });
    expect(answer).toEqual({ body: { ok: true }, version: 7 });
    expect(api.seen[0]).toEqual({
      url: "/api/notes/n1?from=2026-03-01T00%3A00%3A00Z",
      method: "PATCH",
      headers: {
        accept: "application/json",
        authorization: "Bearer t1",
        "content-type": "application/json",
        "if-match": '"6"',
      },
      body: '{"gaps":"Pricing"}',
    });
  });

  it("sends text bodies as they are with their type", async () => {
    const api = server([() => Response.json({ imported: 2 })]);
    await createTransport({ tokens: tokens(), fetch: api.fetcher }).send({
      method: "POST",
      path: "/api/reps/a@contoso.com/metrics/import",
      body: "metric,asOf,value\n",
      contentType: "text/csv",
    });
    expect(api.seen[0]?.headers["content-type"]).toBe("text/csv");
    expect(api.seen[0]?.body).toBe("metric,asOf,value\n");
  });

  it("renews the token once on 401 and then asks the person to sign in", async () => {
    const unauthorized = () => Response.json({ code: "token_expired", message: "expired" }, { status: 401 });
    const source = tokens();
    const renewed = server([unauthorized, () => Response.json({ ok: 1 })]);
    await expect(
      createTransport({ tokens: source, fetch: renewed.fetcher }).send({ method: "GET", path: "/api/me" }),
    ).resolves.toEqual({ body: { ok: 1 } });
    expect(renewed.seen.map((s) => s.headers.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
    expect(source.refreshes).toBe(1);

    const refused = server([unauthorized, unauthorized]);
    await expect(
      createTransport({ tokens: tokens(), fetch: refused.fetcher }).send({ method: "GET", path: "/api/me" }),
    ).rejects.toBeInstanceOf(SignInError);
  });

  it("turns error bodies into failures with the server's code, sentence and details", async () => {
    const current = { version: 4 };
    const api = server([
      () =>
        Response.json({ code: "version_conflict", message: "Saved elsewhere.", current }, { status: 412 }),
    ]);
    const failure = await createTransport({ tokens: tokens(), fetch: api.fetcher })
      .send({ method: "PATCH", path: "/api/notes/n1", body: {}, ifMatch: 3 })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 412, code: "version_conflict", message: "Saved elsewhere." });
    expect((failure as ApiFailure).body.current).toEqual(current);
    expect((failure as ApiFailure).retryable).toBe(false);
  });

  it("names no answer and foreign answers for what they are", async () => {
    const none = await createTransport({ tokens: tokens(), fetch: server([]).fetcher })
      .send({ method: "GET", path: "/api/me" })
      .catch((error: unknown) => error);
    expect(none).toMatchObject({ status: 0, code: "offline", retryable: true });

    const proxy = server([() => new Response("<html>Bad gateway</html>", { status: 502 })]);
    const foreign = await createTransport({ tokens: tokens(), fetch: proxy.fetcher })
      .send({ method: "GET", path: "/api/me" })
      .catch((error: unknown) => error);
    expect(foreign).toMatchObject({ status: 502, code: "unexpected_answer", retryable: true });
  });
});

describe("versionOf", () => {
  it("reads FieldCoach's ETags", () => {
    expect(versionOf('"12"')).toBe(12);
    expect(versionOf('W/"3"')).toBe(3);
    expect(versionOf("abc")).toBeUndefined();
    expect(versionOf(null)).toBeUndefined();
  });
});
