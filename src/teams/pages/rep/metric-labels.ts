import type { MetricName } from "../../../api/plans.ts";
import { formatAmount, formatCount } from "../../../ui/format/number-format.ts";

export const METRIC_LABELS: Readonly<Record<MetricName, string>> = {
  pipeline: "Pipeline (opportunities)",
  proposals: "Proposals",
  "deals-closed": "Deals closed",
  "pipeline-value": "Pipeline value",
  "closed-value": "Closed value",
};

export const METRIC_ORDER: readonly MetricName[] = [
  "pipeline",
  "proposals",
  "deals-closed",
  "pipeline-value",
  "closed-value",
];

/** Counts as whole numbers, money in the locale's compact form ("1.2M"). */
export function formatMetric(metric: MetricName, value: number, locale: string): string {
  return metric === "pipeline-value" || metric === "closed-value"
    ? formatAmount(value, locale)
    : formatCount(value, locale);
}
