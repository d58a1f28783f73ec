/** Why no token could be had, by what the page must do about it. */
export type SignInProblem =
  /** The person has to act (pick a demo person, complete a Microsoft sign-in or consent prompt). */
  | "interaction-required"
  /** The person closed the sign-in window. */
  | "cancelled"
  /** The organisation has not consented to FieldCoach: an administrator must. */
  | "consent-required"
  /** This host offers no way to sign in to FieldCoach (a plain browser against a real tenant). */
  | "unsupported"
  | "failed";

export class SignInError extends Error {
  readonly problem: SignInProblem;

  constructor(problem: SignInProblem, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = "SignInError";
    this.problem = problem;
  }
}
