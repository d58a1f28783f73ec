import { createContext, useContext } from "react";
import type { MeResponse } from "../../api/me.ts";
import type { ApiClient } from "../api-client.ts";
import type { TokenSource } from "../auth/token-source.ts";
import type { Transport } from "../http-transport.ts";

/** The signed-in person and the way to call the API as them. */
export interface Session {
  readonly me: MeResponse;
  readonly transport: Transport;
  /** The typed API, as this person. */
  readonly api: ApiClient;
  readonly tokens: TokenSource;
  /** The demo's "switch person": forget who is signed in and show the picker again. */
  readonly signOut: () => void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error("useSession must be used inside the sign-in gate");
  return session;
}
