import { ERROR_STATUS } from "../../api/errors.ts";

export type TokenErrorCode =
  | "token_missing"
  | "token_malformed"
  | "token_algorithm_not_allowed"
  | "token_signature_invalid"
  | "token_audience_invalid"
  | "token_issuer_invalid"
  | "token_expired"
  | "token_not_yet_valid"
  | "token_claims_missing"
  | "token_tenant_not_allowed"
  | "token_scope_missing"
  | "signing_keys_unavailable";

/** Why a request's access token was refused; `status` is the HTTP status to answer with. */
export class TokenError extends Error {
  readonly code: TokenErrorCode;
  readonly status: number;

  constructor(code: TokenErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = "TokenError";
    this.code = code;
    this.status = ERROR_STATUS[code];
  }
}
