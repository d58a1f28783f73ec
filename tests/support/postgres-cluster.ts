import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/*
 * A PostgreSQL cluster of one's own, from Debian's packages, on a free loopback port: for the fault
 * tests, which restart it and cut its connections (the cluster tests/support/global-postgres.ts starts
 * is shared by every test file of the run, so it must not be touched), and for the benchmarks.
 */

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly port: number;
  /** Stops the server at once (aborting every session), as a crash or a failover would. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops with `-m immediate` and starts again: sessions are cut, the data survives. */
  restart(): Promise<void>;
  /** Terminates every backend serving a client other than the caller: what an administrator or a failover does. */
  terminateBackends(): Promise<number>;
  /** Runs one SQL statement through psql and returns its unaligned output. */
  psql(statement: string): Promise<string>;
  /** Stops the server and deletes its data folder. */
  destroy(): Promise<void>;
}

const run = promisify(execFile);

/** The newest Debian PostgreSQL's bin folder, or undefined when none is installed. */
export function postgresBinaries(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

export interface ClusterOptions {
  /**
   * Durable commits (fsync on): what production does, and what a benchmark of writes should pay for.
   * Off by default, as in the test run's shared cluster, where nothing survives the machine anyway.
   */
  readonly durable?: boolean;
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  if (bin === undefined) {
    throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (Debian's package).");
  }
  const dataDir = await mkdtemp(join(tmpdir(), "fieldcoach-pg-"));
  const port = await freePort();
  // initdb and postgres refuse to run as root; Debian's package creates the postgres user for this.
  const asUser = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  if (asUser.length > 0) {
    const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
    const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
    await chown(dataDir, uid, gid);
  }
  const exec = async (command: string, args: string[]): Promise<string> => {
    const [file, ...rest] = [...asUser, join(bin, command), ...args];
    return (await run(file!, rest, { maxBuffer: 16 * 1024 * 1024 })).stdout;
  };
  const serverOptions = [
    "-c listen_addresses=127.0.0.1",
    `-p ${port}`,
    `-k ${dataDir}`,
    `-c fsync=${options.durable === true ? "on" : "off"}`,
    "-c max_connections=200",
  ].join(" ");
  const pgCtl = (...args: string[]) =>
    exec("pg_ctl", ["-D", dataDir, "-o", serverOptions, "-w", "-l", join(dataDir, "server.log"), ...args]);

  await exec("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  await pgCtl("start");
  let running = true;
  const psql = (statement: string) =>
    exec("psql", [
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
      "-U",
      "postgres",
      "-d",
      "postgres",
      "-Atc",
      statement,
    ]);

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await pgCtl("-m", "immediate", "stop");
      running = false;
    },
    async start() {
      await pgCtl("start");
      running = true;
    },
    async restart() {
      await pgCtl("-m", "immediate", "restart");
      running = true;
    },
    async terminateBackends() {
      const out = await psql(
        "select count(pg_terminate_backend(pid)) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
      );
      return Number(out.trim());
    },
    psql,
    async destroy() {
      try {
        if (running) await pgCtl("-m", "immediate", "stop");
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}
