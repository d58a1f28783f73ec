import type { Share } from "../../api/common.ts";

export function shareOf(count: number, of: number): Share {
  return { count, of, share: of === 0 ? null : count / of };
}
