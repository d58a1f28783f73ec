import { SignInError } from "./sign-in-error.ts";
import type { TokenSource } from "./token-source.ts";

/**
 * The host's own single sign-on (Teams `authentication.getAuthToken`, Office `auth.getAccessToken`),
 * used where nested app authentication is not offered. Its token is for FieldCoach's API; the server
 * exchanges it On-Behalf-Of for Graph. The host caches and refreshes it, so there is nothing to keep.
 */
export function createHostSso(getHostToken: (silent: boolean) => Promise<string>): TokenSource {
  const get = async (silent: boolean) => {
    try {
      return await getHostToken(silent);
    } catch (error) {
      throw signInErrorOf(error);
    }
  };
  return {
    kind: "host-sso",
    getToken: () => get(true),
    async signIn() {
      await get(false);
    },
    signOut() {},
  };
}

/** Teams and Office report SSO failures as strings or objects with a message or code, not typed errors. */
function signInErrorOf(error: unknown): SignInError {
  const text = errorText(error).toLowerCase();
  if (text.includes("cancel"))
    return new SignInError("cancelled", "Sign-in was cancelled.", { cause: error });
  if (text.includes("consent") || text.includes("65001")) {
    return new SignInError(
      "consent-required",
      "Your organisation has not yet allowed FieldCoach to sign you in: ask an administrator to grant consent.",
      { cause: error },
    );
  }
  if (text.includes("interaction") || text.includes("13003") || text.includes("13001")) {
    return new SignInError("interaction-required", "Sign in to FieldCoach to continue.", { cause: error });
  }
  return new SignInError("failed", "The host could not sign you in to FieldCoach; try again in a moment.", {
    cause: error,
  });
}

function errorText(error: unknown): string {
  if (typeof error === "string") return error;
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null) {
    const parts = ["message", "code", "errorCode"].map((key) =>
      key in error ? String((error as Record<string, unknown>)[key]) : "",
    );
    return parts.join(" ");
  }
  return "";
}
