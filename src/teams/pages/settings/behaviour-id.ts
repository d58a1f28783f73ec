/**
 * A library id for a new behaviour, from its name ("Asks open questions" → "asks-open-questions"),
 * made unique against the ids in use with a number; undefined when the name has no letters or digits.
 */
export function behaviourIdFor(name: string, taken: ReadonlySet<string>): string | undefined {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 70)
    .replace(/-+$/, "");
  if (base === "") return undefined;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
