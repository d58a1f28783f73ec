import type { Migration, MigrationProvider } from "kysely/migration";
import * as initial from "./0001-initial.ts";
import * as backgroundWork from "./0002-background-work.ts";
import * as tenantSettingsVersion from "./0003-tenant-settings-version.ts";

/**
 * Every migration, listed in code: the server runs from source and from bundles alike, so nothing may
 * depend on globbing a folder. Names sort in the order they must run; never rename or edit one that
 * has shipped, add a new one.
 */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-background-work": backgroundWork,
  "0003-tenant-settings-version": tenantSettingsVersion,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
