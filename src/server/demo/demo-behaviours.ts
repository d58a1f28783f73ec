/** The demo tenant's behaviour library: the common language of a consultative sales methodology. */

import type { BehaviourInput } from "../../store/repositories/behaviours.ts";

export const DEMO_BEHAVIOURS: readonly BehaviourInput[] = [
  {
    behaviourId: "plans-the-call",
    name: "Plans the call",
    description: "Sets an objective for the call and the commitment to ask for, before the call.",
  },
  {
    behaviourId: "asks-open-questions",
    name: "Asks open questions",
    description: "Lets the customer describe the situation before proposing anything.",
  },
  {
    behaviourId: "listens-and-confirms",
    name: "Listens and confirms",
    description: "Summarises what the customer said and checks it was understood.",
  },
  {
    behaviourId: "quantifies-the-need",
    name: "Quantifies the need",
    description: "Puts a number on the cost of the problem and the value of solving it.",
  },
  {
    behaviourId: "handles-objections",
    name: "Handles objections",
    description: "Explores an objection before answering it, and checks the answer landed.",
  },
  {
    behaviourId: "advances-the-sale",
    name: "Advances the sale",
    description: "Ends every call with a concrete next step the customer agreed to.",
  },
  {
    behaviourId: "maps-the-decision",
    name: "Maps the decision",
    description: "Knows who decides, who influences and how the customer buys.",
  },
  {
    behaviourId: "updates-the-pipeline",
    name: "Updates the pipeline",
    description: "Records the call's outcome and next step in the pipeline the same day.",
  },
];
