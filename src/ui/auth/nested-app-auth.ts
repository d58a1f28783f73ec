import type { IPublicClientApplication, PopupRequest } from "@azure/msal-browser";
import { SignInError } from "./sign-in-error.ts";
import type { TokenSource } from "./token-source.ts";

export interface NestedAppAuthOptions {
  /** FieldCoach's app registration. */
  readonly clientId: string;
  /** FieldCoach's API scope, `api://<host>/<client id>/access_as_user`. */
  readonly scopes: readonly string[];
  /** The host's signed-in user (Teams context, Office user profile): saves an account prompt. */
  readonly loginHint?: string;
  /** Token requests go to the user's home tenant; "organizations" lets Entra find it. */
  readonly authority?: string;
}

/**
 * Nested app authentication: MSAL asks the host (Teams, Outlook) for tokens over its bridge, so sign-in
 * happens once in the host, not in a popup per app. MSAL is loaded only when a host offers this.
 */
export async function createNestedAppAuth(options: NestedAppAuthOptions): Promise<TokenSource> {
  const msal = await import(/* webpackChunkName: "msal" */ "@azure/msal-browser");
  const app: IPublicClientApplication = await msal.createNestablePublicClientApplication({
    auth: {
      clientId: options.clientId,
      authority: options.authority ?? "https://login.microsoftonline.com/organizations",
    },
  });
  const request = (): PopupRequest => {
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    return {
      scopes: [...options.scopes],
      ...(account === undefined ? {} : { account }),
      ...(options.loginHint === undefined ? {} : { loginHint: options.loginHint }),
    };
  };

  const popup = async () => {
    try {
      const result = await app.acquireTokenPopup(request());
      app.setActiveAccount(result.account);
      return result.accessToken;
    } catch (error) {
      throw signInErrorOf(error, error instanceof msal.InteractionRequiredAuthError);
    }
  };

  return {
    kind: "nested-app-auth",
    async getToken(tokenOptions) {
      try {
        const result = await app.acquireTokenSilent({
          ...request(),
          forceRefresh: tokenOptions?.refresh === true,
        });
        app.setActiveAccount(result.account);
        return result.accessToken;
      } catch (error) {
        if (!(error instanceof msal.InteractionRequiredAuthError)) throw signInErrorOf(error, false);
        // The host shows its own prompt for nested apps, so a popup usually works without a click;
        // when it does not, the page offers a sign-in button that calls signIn().
        return popup();
      }
    },
    async signIn() {
      await popup();
    },
    signOut() {},
  };
}

function signInErrorOf(error: unknown, interactionRequired: boolean): SignInError {
  if (error instanceof SignInError) return error;
  const code =
    typeof error === "object" && error !== null && "errorCode" in error ? String(error.errorCode) : "";
  if (code === "user_cancelled") {
    return new SignInError("cancelled", "Sign-in was cancelled.", { cause: error });
  }
  if (code === "consent_required") {
    return new SignInError(
      "consent-required",
      "Your organisation has not yet allowed FieldCoach to sign you in: ask an administrator to grant consent.",
      { cause: error },
    );
  }
  if (interactionRequired || code === "popup_window_error" || code === "empty_window_error") {
    return new SignInError("interaction-required", "Sign in to FieldCoach to continue.", { cause: error });
  }
  return new SignInError("failed", "Microsoft sign-in did not succeed; try again in a moment.", {
    cause: error,
  });
}
