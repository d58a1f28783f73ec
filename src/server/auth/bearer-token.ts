import { TokenError } from "./token-error.ts";

/** The token of an `Authorization: Bearer …` header; throws TokenError when there is none. */
export function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === "") {
    throw new TokenError("token_missing", "The request carries no access token.");
  }
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization);
  if (match === null) {
    throw new TokenError("token_malformed", "The Authorization header is not a Bearer token.");
  }
  return match[1]!;
}
