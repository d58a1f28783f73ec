/**
 * Runs the Graph simulator over the demo tenant, with the development issuer beside it, for trying the
 * adapter or a client by hand: `node src/graph-sim/main.ts [--seed N] [--anchor YYYY-MM-DD]
 * [--port N] [--latency MS]`. Prints the URLs, the demo app registration and two ready tokens as JSON.
 */

import { generateDemoTenant, isMondayDate } from "../demo-tenant/generate-demo-tenant.ts";
import { createDevIssuer } from "../dev-issuer/dev-issuer.ts";
import { startDevIssuerServer } from "../dev-issuer/token-endpoint.ts";
import type { DevClient } from "../dev-issuer/token-grants.ts";
import { startGraphSimulator } from "./server.ts";

interface Options {
  readonly seed: number;
  readonly anchor: string;
  readonly port: number;
  readonly latencyMs: number;
}

const DELEGATED = [
  "User.Read",
  "User.Read.All",
  "Calendars.ReadBasic",
  "Calendars.Read",
  "Calendars.ReadWrite",
  "MailboxSettings.Read",
];
const APPLICATION = [
  "User.Read.All",
  "Calendars.Read",
  "Calendars.ReadWrite",
  "MailboxSettings.Read",
  "Organization.Read.All",
];

/** The demo app registration the issuer knows; its secret protects nothing outside this machine. */
const DEMO_CLIENT: DevClient = {
  clientId: "00000000-0000-4000-8000-00000000de70",
  clientSecret: "fieldcoach-demo-secret",
  apiAudiences: ["api://fieldcoach-demo", "00000000-0000-4000-8000-00000000de70"],
  delegatedScopes: DELEGATED,
  appRoles: APPLICATION,
};

function parseOptions(argv: readonly string[], today: Date): Options {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!["--seed", "--anchor", "--port", "--latency"].includes(flag) || value === undefined) {
      throw new Error(`unknown option or missing value: ${flag}`);
    }
    values.set(flag, value);
  }
  const whole = (flag: string, fallback: number): number => {
    const text = values.get(flag);
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text)) throw new Error(`${flag} must be a whole number, not "${text}"`);
    return Number(text);
  };
  const anchor = values.get("--anchor") ?? mondayOf(today);
  if (!isMondayDate(anchor)) throw new Error(`--anchor must be a Monday written YYYY-MM-DD, not "${anchor}"`);
  return { seed: whole("--seed", 7), anchor, port: whole("--port", 0), latencyMs: whole("--latency", 0) };
}

function mondayOf(day: Date): string {
  const monday = new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)),
  );
  return monday.toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2), new Date());
  } catch (error) {
    process.stderr.write(`graph-sim: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const tenant = generateDemoTenant({ seed: options.seed, anchor: options.anchor });
  const issuer = await createDevIssuer({ tenantId: tenant.tenantId });
  const issuerServer = await startDevIssuerServer({ issuer, clients: [DEMO_CLIENT] });
  const sim = await startGraphSimulator({ tenant, jwks: issuer.jwks, port: options.port });
  sim.faults.latency(options.latencyMs);
  const vp = tenant.users.find((u) => u.managerId === null)!;
  const manager = tenant.users.find((u) => u.managerId === vp.id)!;
  const graphToken = (scopes: { scopes?: readonly string[]; roles?: readonly string[] }, oid: string) =>
    issuer.issueToken({
      tenantId: tenant.tenantId,
      oid,
      appId: DEMO_CLIENT.clientId,
      audience: "https://graph.microsoft.com",
      expiresIn: 3600,
      version: "1.0",
      ...scopes,
      ...(scopes.scopes === undefined ? {} : { name: manager.displayName, upn: manager.userPrincipalName }),
    });
  const summary = {
    graphBaseUrl: sim.baseUrl,
    tokenEndpoint: issuerServer.tokenEndpoint,
    jwksUri: issuerServer.jwksUri,
    tenantId: tenant.tenantId,
    client: {
      clientId: DEMO_CLIENT.clientId,
      clientSecret: DEMO_CLIENT.clientSecret,
      apiAudiences: DEMO_CLIENT.apiAudiences,
    },
    manager: { id: manager.id, mail: manager.mail },
    managerToken: await graphToken({ scopes: DELEGATED }, manager.id),
    appToken: await graphToken({ roles: APPLICATION }, "00000000-0000-4000-8000-0000000005e1"),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  const stop = async () => {
    await sim.close();
    await issuerServer.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
