import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

export type DatabaseOptions =
  /** Embedded PostgreSQL kept in a folder across restarts (the demo). */
  | { readonly kind: "pglite"; readonly dataDir: string }
  /** Embedded PostgreSQL in memory, gone when closed (tests). */
  | { readonly kind: "pglite"; readonly memory: true }
  | {
      readonly kind: "postgres";
      readonly url: string;
      /** A schema to work in instead of `public`; it must exist before the first migration. */
      readonly schema?: string;
      readonly maxConnections?: number;
      /**
       * Told when a pooled connection fails outside a statement (the database restarted, the network
       * dropped), idle or checked out between a transaction's statements. The pool discards the
       * connection and the next query opens another; without a listener node-postgres would crash the
       * process.
       */
      readonly onPoolError: (error: Error) => void;
    };

const INT8 = 20;
const DATE = 1082;

/** Opens the database; `db.destroy()` closes it. Migrations are run separately (migrate.ts). */
export async function createDatabase(options: DatabaseOptions): Promise<Kysely<Database>> {
  if (options.kind === "pglite") {
    const dataDir = "dataDir" in options ? options.dataDir : undefined;
    if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
    const pglite = await PGlite.create({
      ...(dataDir === undefined ? {} : { dataDir }),
      // Calendar dates stay "YYYY-MM-DD": a Date would pin them to a time zone they do not have.
      parsers: { [DATE]: (value: string) => value, [INT8]: (value: string) => Number(value) },
    });
    return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  }
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new RangeError(`"${options.schema}" is not a plain lower-case schema name`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === DATE) return (value: string) => value;
        // Identity columns and counts fit well inside Number's safe range.
        if (oid === INT8) return (value: string) => Number(value);
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  pool.on("error", options.onPoolError);
  // The pool listens to idle connections only: one that fails while checked out emits its error on the
  // client, with nobody listening. The statement in flight, or the next, fails too, and on release the
  // pool discards the connection.
  const whileCheckedOut = (error: Error) => options.onPoolError(error);
  pool.on("acquire", (client) => client.on("error", whileCheckedOut));
  pool.on("release", (_error, client) => client.removeListener("error", whileCheckedOut));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
