/**
 * `npm start`: reads the configuration once (environment and command line), starts demo or tenant mode,
 * listens, and says where to go. A bad setting is one sentence on stderr and exit status 2.
 */

import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { ConfigError, loadConfig } from "../config/load-config.ts";
import { startServer } from "./start-server.ts";
import { stopOnSignals } from "./stop-on-signals.ts";
import { startTelemetry, type Telemetry } from "./telemetry.ts";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const started = performance.now();
  const telemetry: Telemetry | undefined =
    config.telemetryConnectionString === undefined
      ? undefined
      : startTelemetry({
          connectionString: config.telemetryConnectionString,
          serviceVersion: packageVersion(),
          instanceId: hostname(),
        });
  const server = await startServer(config, { backgroundSync: true });
  await server.app.listen({ port: config.port, host: config.host });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const base = config.mode === "demo" ? `http://localhost:${config.port}` : config.publicBaseUrl;
  const lines =
    config.mode === "demo"
      ? [
          `FieldCoach demo is running (started in ${seconds} s; demo tenant anchored on ${server.demo?.anchor}).`,
          `  Sign in as someone:  ${base}/demo/sign-in`,
          `  Teams tab:           ${base}/tab`,
          `  Outlook panel:       ${base}/outlook`,
          `  Data folder:         ${config.dataDir} (start with --fresh to reset it)`,
        ]
      : [
          `FieldCoach is running for ${config.allowedTenants.length} tenant(s) at ${base} (started in ${seconds} s).`,
        ];
  process.stdout.write(`${lines.join("\n")}\n`);

  // The last spans and counts are flushed once the last request and job have ended.
  stopOnSignals(server, () => telemetry?.stop());
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    readonly version: string;
  };
  return manifest.version;
}

await main();
