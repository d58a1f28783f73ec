import { isRecord } from "../is-record.ts";
import type { KeyValueStorage } from "../note-form/draft-store.ts";
import { SignInError } from "./sign-in-error.ts";
import type { TokenSource } from "./token-source.ts";

/** A person of the demo tenant, as the server's demo sign-in lists them. */
export interface DemoPerson {
  readonly objectId: string;
  readonly name: string;
  readonly email: string;
  readonly jobTitle: string;
  readonly role: "rep" | "manager" | "executive";
  readonly managerName: string | null;
}

/**
 * The key the server's own picker page (/demo/sign-in) writes too, so signing in there or here is the
 * same. `objectId` and `admin` are ours: with them an expired token is renewed without asking again.
 */
export const DEMO_TOKEN_KEY = "fieldcoach.demoToken";

interface StoredDemoToken {
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly name: string;
  readonly objectId?: string;
  readonly admin?: boolean;
}

export interface DemoSignIn extends TokenSource {
  readonly kind: "demo";
  listPeople(): Promise<readonly DemoPerson[]>;
  signInAs(objectId: string, admin: boolean): Promise<void>;
  /** The name of whoever is signed in, for "Signed in as …"; undefined when nobody is. */
  signedInName(): string | undefined;
}

export function isDemoSignIn(source: TokenSource): source is DemoSignIn {
  return source.kind === "demo" && "listPeople" in source;
}

export interface DemoSignInOptions {
  readonly storage: KeyValueStorage;
  readonly fetch: typeof fetch;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

/** Renew a minute early, so a token never expires between here and the server. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Demo mode's "sign in as": the server signs a FieldCoach API token for any demo person with its local
 * development issuer. Only a server started in demo mode answers these requests.
 */
export function createDemoSignIn(options: DemoSignInOptions): DemoSignIn {
  const read = (): StoredDemoToken | undefined => {
    const text = options.storage.getItem(DEMO_TOKEN_KEY);
    if (text === null) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      return isStoredToken(value) ? value : undefined;
    } catch {
      return undefined;
    }
  };

  const signInAs = async (objectId: string, admin: boolean) => {
    const body = await postJson(options.fetch, "/api/demo/sign-in", { objectId, admin });
    if (!isRecord(body) || typeof body.accessToken !== "string" || typeof body.expiresAt !== "string") {
      throw new SignInError("failed", "The demo sign-in answered with something other than a token.");
    }
    const person =
      isRecord(body.person) && typeof body.person.name === "string" ? body.person.name : objectId;
    const stored: StoredDemoToken = {
      accessToken: body.accessToken,
      expiresAt: body.expiresAt,
      name: person,
      objectId,
      admin,
    };
    options.storage.setItem(DEMO_TOKEN_KEY, JSON.stringify(stored));
    return stored.accessToken;
  };

  return {
    kind: "demo",
    async listPeople() {
      const body = await getJson(options.fetch, "/api/demo/people");
      if (!isRecord(body) || !Array.isArray(body.people) || !body.people.every(isDemoPerson)) {
        throw new SignInError(
          "failed",
          "The demo sign-in answered with something other than a list of people.",
        );
      }
      return body.people;
    },
    async signInAs(objectId, admin) {
      await signInAs(objectId, admin);
    },
    signedInName: () => read()?.name,
    async getToken(tokenOptions) {
      const stored = read();
      const fresh =
        stored !== undefined &&
        tokenOptions?.refresh !== true &&
        Date.parse(stored.expiresAt) - EXPIRY_MARGIN_MS > options.now();
      if (fresh) return stored.accessToken;
      if (stored?.objectId !== undefined) return signInAs(stored.objectId, stored.admin === true);
      options.storage.removeItem(DEMO_TOKEN_KEY);
      throw new SignInError("interaction-required", "Choose who to sign in as.");
    },
    async signIn() {
      throw new SignInError("interaction-required", "Choose who to sign in as.");
    },
    signOut() {
      options.storage.removeItem(DEMO_TOKEN_KEY);
    },
  };
}

/** Only a demo server has these routes: a 404 on the list means this is a real tenant's server. */
async function getJson(fetcher: typeof fetch, path: string): Promise<unknown> {
  const response = await send(() => fetcher(path, { headers: { Accept: "application/json" } }));
  if (response.status === 404) {
    throw new SignInError(
      "unsupported",
      "This FieldCoach server is not the demo: open FieldCoach in Teams or Outlook.",
    );
  }
  return answerOf(response);
}

async function postJson(fetcher: typeof fetch, path: string, body: unknown): Promise<unknown> {
  return answerOf(
    await send(() =>
      fetcher(path, {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify(body),
      }),
    ),
  );
}

async function send(request: () => Promise<Response>): Promise<Response> {
  try {
    return await request();
  } catch (error) {
    throw new SignInError("failed", "The FieldCoach server cannot be reached; check the connection.", {
      cause: error,
    });
  }
}

async function answerOf(response: Response): Promise<unknown> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message =
      isRecord(body) && typeof body.message === "string" ? body.message : "The demo sign-in failed.";
    throw new SignInError("failed", message);
  }
  return body;
}

function isStoredToken(value: unknown): value is StoredDemoToken {
  return (
    isRecord(value) &&
    typeof value.accessToken === "string" &&
    typeof value.expiresAt === "string" &&
    typeof value.name === "string" &&
    (value.objectId === undefined || typeof value.objectId === "string") &&
    (value.admin === undefined || typeof value.admin === "boolean")
  );
}

function isDemoPerson(value: unknown): value is DemoPerson {
  return (
    isRecord(value) &&
    typeof value.objectId === "string" &&
    typeof value.name === "string" &&
    typeof value.email === "string" &&
    typeof value.jobTitle === "string" &&
    (value.role === "rep" || value.role === "manager" || value.role === "executive") &&
    (value.managerName === null || typeof value.managerName === "string")
  );
}
