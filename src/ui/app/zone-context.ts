import { createContext, useContext } from "react";
import type { Zoned } from "../format/date-format.ts";

/** The viewer's locale and time zone, for every date on the pages. */
export const ZoneContext = createContext<Zoned | undefined>(undefined);

export function useZoned(): Zoned {
  const zoned = useContext(ZoneContext);
  if (zoned === undefined) throw new Error("useZoned must be used inside a ZoneContext provider");
  return zoned;
}
