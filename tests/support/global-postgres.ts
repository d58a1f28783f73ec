import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * Gives the PostgreSQL tests a real server without asking the developer to start one: when
 * FIELDCOACH_TEST_DATABASE_URL is unset and Debian's PostgreSQL is installed (as .ci/run installs it),
 * a throwaway cluster is started on a free loopback port for the run and removed afterwards.
 * Without either, the PostgreSQL test file fails with a sentence saying what to install.
 */
export default async function startPostgresForTests(): Promise<(() => void) | undefined> {
  if (process.env.FIELDCOACH_TEST_DATABASE_URL) return undefined;
  const bin = postgresBinaries();
  if (bin === undefined) return undefined;

  const dataDir = mkdtempSync(join(tmpdir(), "fieldcoach-test-pg-"));
  const port = await freePort();
  // initdb and postgres refuse to run as root; Debian's package creates the postgres user for this.
  const asUser = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  if (asUser.length > 0) execFileSync("chown", ["postgres:postgres", dataDir]);
  const run = (command: string, args: string[]) => {
    const [file, ...rest] = [...asUser, join(bin, command), ...args];
    execFileSync(file!, rest, { stdio: "pipe" });
  };
  run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  run("pg_ctl", [
    "-D",
    dataDir,
    "-o",
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dataDir} -c fsync=off`,
    "-w",
    "-l",
    join(dataDir, "server.log"),
    "start",
  ]);
  process.env.FIELDCOACH_TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return () => {
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

function postgresBinaries(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

function freePort(): Promise<number> {
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
