/** "12.5 h" with the locale's decimal mark; hours arrive with two decimals and show one. */
export function formatHours(hours: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "hour",
    unitDisplay: "narrow",
    maximumFractionDigits: 1,
  }).format(hours);
}

/** "42%", or an en dash when there is nothing to divide (no coaching time at all). */
export function formatShare(share: number | null, locale: string): string {
  if (share === null) return "–";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}

/** Money of the rep's metrics, in whole units of the tenant's currency. */
export function formatAmount(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(amount);
}
