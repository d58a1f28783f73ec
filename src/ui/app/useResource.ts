import { useCallback, useEffect, useState } from "react";
import type { ApiClient } from "../api-client.ts";
import { useSession } from "./session.ts";

export type Resource<T> =
  | { readonly status: "loading" }
  | { readonly status: "failed"; readonly error: unknown; readonly reload: () => void }
  | {
      readonly status: "ready";
      readonly data: T;
      readonly reload: () => void;
      /** Replaces what is shown (an optimistic change, or the server's answer to a write). */
      readonly set: (update: (data: T) => T) => void;
    };

type Outcome<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: unknown };

/**
 * Loads what a page shows, again on reload() or when `key` (what it loads) changes. While reloading the
 * last answer stays on screen, and a slower, older answer never overwrites a newer one.
 */
export function useResource<T>(key: string, load: (api: ApiClient) => Promise<T>): Resource<T> {
  const { api } = useSession();
  const [round, setRound] = useState(0);
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly outcome?: Outcome<T> }>({ key });
  const reload = useCallback(() => setRound((current) => current + 1), []);
  const set = useCallback(
    (update: (data: T) => T) =>
      setLoaded((current) =>
        current.outcome?.ok === true
          ? { key: current.key, outcome: { ok: true, data: update(current.outcome.data) } }
          : current,
      ),
    [],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is new each render; `key` names what it loads
  useEffect(() => {
    let current = true;
    load(api).then(
      (data) => current && setLoaded({ key, outcome: { ok: true, data } }),
      (error: unknown) => current && setLoaded({ key, outcome: { ok: false, error } }),
    );
    return () => {
      current = false;
    };
  }, [key, round, api]);
  if (loaded.key !== key || loaded.outcome === undefined) return { status: "loading" };
  if (!loaded.outcome.ok) return { status: "failed", error: loaded.outcome.error, reload };
  return { status: "ready", data: loaded.outcome.data, reload, set };
}
