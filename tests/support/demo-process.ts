/**
 * FieldCoach in demo mode as `npm start` runs it (src/server/main.ts: configuration from the
 * environment, background jobs on, PGlite in FIELDCOACH_DATA_DIR), as a process of its own that a test
 * can kill, with one difference: the clock is pinned at FIELDCOACH_TEST_NOW (milliseconds since the
 * epoch), so that every start sees the same demo tenant and calendars. Prints one JSON line
 * `{"port": …}` once listening.
 */

import type { AddressInfo } from "node:net";
import { loadConfig } from "../../src/config/load-config.ts";
import { startServer } from "../../src/server/start-server.ts";

const now = Number(process.env.FIELDCOACH_TEST_NOW);
if (!Number.isFinite(now)) throw new Error("FIELDCOACH_TEST_NOW must be milliseconds since the epoch");
const config = loadConfig(process.env, []);
const server = await startServer(config, { now: () => now, backgroundSync: true });
await server.app.listen({ port: config.port, host: config.host });
process.stdout.write(`${JSON.stringify({ port: (server.app.server.address() as AddressInfo).port })}\n`);
