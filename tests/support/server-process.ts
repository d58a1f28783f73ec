/**
 * A server as a process of its own, for tests that kill it, stop it with a signal or run several: a
 * Node script that prints one JSON line with at least `{"port": …}` (and no log `level`) once it
 * listens. Everything else it writes is kept for a failing test's message; its output is read all
 * along, so a chatty server never blocks on a full pipe.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServerProcess<Info extends { readonly port: number }> {
  readonly child: ChildProcess;
  /** The line it printed once listening. */
  readonly info: Info;
  /** "http://127.0.0.1:<port>" */
  readonly base: string;
  /** Every later line of standard output and everything written to standard error, in order. */
  readonly output: readonly string[];
  readonly exited: Promise<ProcessExit>;
  /** Sends the signal and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<ProcessExit>;
}

const MAX_KEPT_LINES = 2_000;

export async function startServerProcess<Info extends { readonly port: number }>(
  script: string,
  env: Readonly<Record<string, string>>,
): Promise<ServerProcess<Info>> {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (line: string) => {
    output.push(line);
    if (output.length > MAX_KEPT_LINES) output.shift();
  };
  createInterface({ input: child.stderr! }).on("line", keep);
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const info = await new Promise<Info>((resolve, reject) => {
    let listening = false;
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const ready = listening ? undefined : readyLine<Info>(line);
      if (ready === undefined) keep(line);
      else {
        listening = true;
        resolve(ready);
      }
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`${script} exited (${code ?? signal}) before listening:\n${output.join("\n")}`)),
    );
  });
  return {
    child,
    info,
    base: `http://127.0.0.1:${info.port}`,
    output,
    exited,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The line saying the server listens, or undefined for anything else (a log line, say). */
function readyLine<Info>(line: string): Info | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    return typeof parsed.port === "number" && !("level" in parsed) ? (parsed as Info) : undefined;
  } catch {
    return undefined;
  }
}
