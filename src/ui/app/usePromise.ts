import { useEffect, useState } from "react";

export type Settled<T> =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly value: T }
  | { readonly status: "failed"; readonly error: unknown };

/** The state of a promise started again whenever `key` (what it loads) changes; an outdated one is ignored. */
export function usePromise<T>(key: unknown, start: () => Promise<T>): Settled<T> {
  const [state, setState] = useState<Settled<T>>({ status: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `start` is new each render; `key` names what it loads
  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    start().then(
      (value) => current && setState({ status: "ready", value }),
      (error: unknown) => current && setState({ status: "failed", error }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}
