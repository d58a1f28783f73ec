import { type DependencyList, useEffect, useState } from "react";

export type Settled<T> =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly value: T }
  | { readonly status: "failed"; readonly error: unknown };

/** The state of a promise started when `deps` change; an outdated one is ignored. */
export function usePromise<T>(start: () => Promise<T>, deps: DependencyList): Settled<T> {
  const [state, setState] = useState<Settled<T>>({ status: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what `start` depends on
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
  }, deps);
  return state;
}
