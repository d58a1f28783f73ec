import type { HostInfo } from "../host/host-info.ts";
import { isRecord } from "../is-record.ts";
import type { KeyValueStorage } from "../note-form/draft-store.ts";
import { createDemoSignIn, type DemoSignIn } from "./demo-sign-in.ts";
import { createHostSso } from "./host-sso.ts";
import { createNestedAppAuth } from "./nested-app-auth.ts";
import { SignInError } from "./sign-in-error.ts";
import type { TokenSource } from "./token-source.ts";

export interface ChooseTokenSourceOptions {
  readonly host: HostInfo;
  readonly storage: KeyValueStorage;
  readonly fetch: typeof fetch;
  readonly now: () => number;
}

/**
 * One sign-in decision for both hosts. A demo server (it lists demo people) means "sign in as"
 * everywhere, Teams included. Otherwise: nested app authentication where the host offers it and the
 * server names FieldCoach's app registration, else the host's own single sign-on; a plain browser
 * against a real tenant has no way to sign in and says so.
 */
export async function chooseTokenSource(options: ChooseTokenSourceOptions): Promise<TokenSource> {
  const demo = createDemoSignIn(options);
  if (await isDemoServer(demo)) return demo;
  const { host } = options;
  if (host.nestedAppAuth) {
    const registration = await appRegistration(options.fetch);
    if (registration !== undefined) {
      try {
        return await createNestedAppAuth({
          ...registration,
          ...(host.loginHint === undefined ? {} : { loginHint: host.loginHint }),
        });
      } catch {
        // The bridge refused to start: the host's single sign-on still works.
      }
    }
  }
  if (host.hostToken !== undefined) return createHostSso(host.hostToken);
  return unsupported();
}

async function isDemoServer(demo: DemoSignIn): Promise<boolean> {
  try {
    await demo.listPeople();
    return true;
  } catch (error) {
    if (error instanceof SignInError && error.problem === "unsupported") return false;
    throw error;
  }
}

/** FieldCoach's client id and API scope, which the server knows from its configuration. */
async function appRegistration(
  fetcher: typeof fetch,
): Promise<{ readonly clientId: string; readonly scopes: readonly string[] } | undefined> {
  const response = await fetcher("/api/client-config", { headers: { Accept: "application/json" } }).catch(
    () => undefined,
  );
  if (response === undefined || !response.ok) return undefined;
  const body: unknown = await response.json().catch(() => undefined);
  if (!isRecord(body) || typeof body.clientId !== "string" || !Array.isArray(body.scopes)) return undefined;
  const scopes = body.scopes.filter((scope): scope is string => typeof scope === "string");
  return { clientId: body.clientId, scopes };
}

function unsupported(): TokenSource {
  const refuse = () =>
    Promise.reject(
      new SignInError(
        "unsupported",
        "FieldCoach signs you in through Microsoft Teams or Outlook: open it there, or start the demo with npm start.",
      ),
    );
  return { kind: "host-sso", getToken: refuse, signIn: refuse, signOut() {} };
}
