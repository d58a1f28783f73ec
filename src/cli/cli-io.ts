/** What a command may touch: its output streams and the directory relative paths resolve against. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly cwd: string;
}

/** Exit codes: 0 success, 1 an unexpected failure, 2 bad input (nothing written to stdout). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** A problem with what the user gave a command; the message is one sentence for stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
