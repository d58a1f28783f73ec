/**
 * Sets the bearer token on every request, from a token provider (On-Behalf-Of for a signed-in user, or
 * client credentials in app-only mode). The SDK's own AuthenticationHandler sends tokens only to Graph's
 * https hosts, which would leave the loopback simulator unauthenticated; this one sends to whatever base
 * URL the client was built for and nothing else (links are checked against it before sending).
 */

import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { GraphError } from "./map-error.ts";
import { setRequestHeader, traceOf } from "./request-trace.ts";

/** A bearer token for a call that needs any one of `scopes` (Graph permission names, least privileged first). */
export type TokenProvider = (scopes: readonly string[]) => Promise<string>;

export class AuthMiddleware implements Middleware {
  readonly #getToken: TokenProvider;
  #next: Middleware | undefined;

  constructor(getToken: TokenProvider) {
    this.#getToken = getToken;
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }

  async execute(context: Context): Promise<void> {
    const trace = traceOf(context);
    let token: string;
    try {
      token = await this.#getToken(trace.scopes);
    } catch (error) {
      trace.failure =
        error instanceof GraphError
          ? error
          : new GraphError({
              kind: "permission",
              status: 401,
              code: "TokenUnavailable",
              message: `No token for ${trace.label} (needs one of ${trace.scopes.join(", ")}): ${
                error instanceof Error ? error.message : String(error)
              }`,
              neededScopes: trace.scopes,
            });
      throw trace.failure;
    }
    setRequestHeader(context, "Authorization", `Bearer ${token}`);
    await this.#next!.execute(context);
  }
}
