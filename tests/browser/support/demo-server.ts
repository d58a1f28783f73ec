import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { loadConfig } from "../../../src/config/load-config.ts";
import { type RunningServer, startServer } from "../../../src/server/start-server.ts";

export interface DemoServer {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly server: RunningServer;
  /** Everything the server logged, one JSON line each (for a failing test's message). */
  readonly logs: string[];
  close(): Promise<void>;
}

/**
 * FieldCoach in demo mode as `npm start --fresh` runs it (simulator, development issuer, PGlite), in a
 * throwaway data folder, on a free loopback port, serving the pages from `webRoot`, with the clock
 * pinned at `now` so that the demo tenant's calendars and every figure are the same on every run.
 */
export async function startDemoServer(options: {
  readonly webRoot: string;
  readonly now: number;
}): Promise<DemoServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "fieldcoach-browser-demo-"));
  const config = loadConfig(
    {
      FIELDCOACH_MODE: "demo",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      FIELDCOACH_DATA_DIR: dataDir,
    },
    ["--fresh"],
  );
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const server = await startServer(config, {
    webRoot: options.webRoot,
    now: () => options.now,
    logDestination,
  });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = server.app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    server,
    logs,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
