/**
 * Where the pages get FieldCoach API access tokens from, whatever the host: nested app authentication
 * in Teams and Outlook, the host's own single sign-on as the fallback, or the demo's "sign in as".
 */
export interface TokenSource {
  /** How this source signs in, for the page to word its prompts. */
  readonly kind: "nested-app-auth" | "host-sso" | "demo";
  /**
   * A token without asking the person anything; rejects with SignInError("interaction-required") when
   * they must act first. `refresh` skips any cached token (the API said 401).
   */
  getToken(options?: { readonly refresh?: boolean }): Promise<string>;
  /** Interactive sign-in, started from a click so that hosts and browsers allow the window it opens. */
  signIn(): Promise<void>;
  /** Forgets the signed-in person (the demo's "switch person"); a no-op where the host owns sign-in. */
  signOut(): void;
}
