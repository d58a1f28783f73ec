import type { ClassifiedEvent } from "../../api/events.ts";

type Kind = NonNullable<ClassifiedEvent["kind"]>;
type Initiator = ClassifiedEvent["initiator"];
type Development = ClassifiedEvent["development"];

export const KIND_LABELS: Readonly<Record<Kind, string>> = {
  "field-day": "Field day",
  "customer-call": "Customer call",
  "one-on-one": "One-on-one",
  group: "Group meeting",
};

export const INITIATOR_LABELS: Readonly<Record<Initiator, string>> = {
  manager: "The manager (went to the rep)",
  rep: "The rep (brought the manager in)",
  other: "Someone else",
  none: "No rep takes part",
};

export const DEVELOPMENT_LABELS: Readonly<Record<Development, string>> = {
  skill: "Skill development",
  sales: "Sales development",
  none: "Not coaching",
};

export const KINDS: readonly Kind[] = ["field-day", "customer-call", "one-on-one", "group"];
/** The initiators a manager may set: "none" is a consequence of who attends, not a choice. */
export const SETTABLE_INITIATORS = ["manager", "rep", "other"] as const satisfies readonly Initiator[];

export function isKind(value: string): value is Kind {
  return value in KIND_LABELS;
}

export function isSettableInitiator(value: string): value is (typeof SETTABLE_INITIATORS)[number] {
  return (SETTABLE_INITIATORS as readonly string[]).includes(value);
}
