/**
 * How a server process stops: on SIGTERM (what a container platform sends before it kills an instance
 * it scales in or replaces) or SIGINT (Ctrl+C), once. The server takes no new requests (Fastify answers
 * 503 on a kept-alive connection), lets the requests in flight and the running jobs finish, which
 * releases their leases to the other instances, and closes the store; then `afterClose` runs (the last
 * telemetry flush) and the process exits with 0, or 1 when stopping failed.
 */

import type { RunningServer } from "./start-server.ts";

export function stopOnSignals(
  server: Pick<RunningServer, "app" | "close">,
  afterClose: () => Promise<void> | undefined = () => undefined,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, "stopping");
    server
      .close()
      .then(afterClose)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          server.app.log.error({ err: error }, "stopping failed");
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
