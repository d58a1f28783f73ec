import { ApiFailure, failureOf, offline } from "./api-failure.ts";
import { SignInError } from "./auth/sign-in-error.ts";
import type { TokenSource } from "./auth/token-source.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequest {
  readonly method: HttpMethod;
  /** Under the server's origin, e.g. `/api/notes/5a0c`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** Sent as JSON, or as is when it is a string with `contentType`. */
  readonly body?: unknown;
  readonly contentType?: string;
  /** The version this write replaces (If-Match). */
  readonly ifMatch?: number;
}

export interface ApiAnswer<T> {
  readonly body: T;
  /** The ETag's version, for resources that carry one. */
  readonly version?: number;
}

export interface Transport {
  send<T>(request: ApiRequest): Promise<ApiAnswer<T>>;
}

/**
 * Every API call: the bearer token from the sign-in source (renewed once when the API says 401), JSON
 * both ways, and failures as ApiFailure with the server's code and sentence. Bodies are the server's
 * own JSON and are trusted to match the contract's types; nothing here guesses missing fields.
 */
export function createTransport(options: {
  readonly tokens: TokenSource;
  readonly fetch: typeof fetch;
}): Transport {
  const attempt = async (request: ApiRequest, token: string) => {
    const headers: Record<string, string> = { Accept: "application/json", Authorization: `Bearer ${token}` };
    const payload = request.body;
    let body: string | undefined;
    if (typeof payload === "string" && request.contentType !== undefined) {
      headers["Content-Type"] = request.contentType;
      body = payload;
    } else if (payload !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(payload);
    }
    if (request.ifMatch !== undefined) headers["If-Match"] = `"${request.ifMatch}"`;
    try {
      return await options.fetch(urlOf(request), { method: request.method, headers, body });
    } catch (error) {
      throw offline(error);
    }
  };

  return {
    async send<T>(request: ApiRequest): Promise<ApiAnswer<T>> {
      let response = await attempt(request, await options.tokens.getToken());
      if (response.status === 401) {
        response = await attempt(request, await options.tokens.getToken({ refresh: true }));
        if (response.status === 401) {
          throw new SignInError("interaction-required", "Your sign-in has expired; sign in again.");
        }
      }
      const answer: unknown =
        response.status === 204 ? undefined : await response.json().catch(() => NOT_JSON);
      if (!response.ok) throw failureOf(response.status, answer);
      if (answer === NOT_JSON) {
        throw new ApiFailure(
          response.status,
          "unexpected_answer",
          "The server answered with something other than JSON.",
        );
      }
      const version = versionOf(response.headers.get("ETag"));
      return version === undefined ? { body: answer as T } : { body: answer as T, version };
    },
  };
}

const NOT_JSON = Symbol("not JSON");

function urlOf(request: ApiRequest): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) query.set(name, value);
  }
  const text = query.toString();
  return text === "" ? request.path : `${request.path}?${text}`;
}

/** FieldCoach's ETags are the version in quotes ("3"); a weak prefix is tolerated. */
export function versionOf(etag: string | null): number | undefined {
  const match = etag === null ? null : /^(?:W\/)?"(\d+)"$/.exec(etag.trim());
  return match === null ? undefined : Number(match[1]);
}
