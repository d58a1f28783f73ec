import { useCallback, useSyncExternalStore } from "react";
import { parseRoute, type Route, routeHref } from "./route.ts";

const subscribe = (changed: () => void) => {
  window.addEventListener("hashchange", changed);
  return () => window.removeEventListener("hashchange", changed);
};

/** The route in the address's hash, followed as it changes (links, back and forward). */
export function useHashRoute(): { readonly route: Route; readonly navigate: (route: Route) => void } {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((route: Route) => {
    window.location.hash = routeHref(route);
  }, []);
  return { route: parseRoute(hash), navigate };
}
