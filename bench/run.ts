import { writeFile } from "node:fs/promises";
import type { BenchModule, BenchSection } from "./bench-section.ts";

// Each module is loaded only when its turn comes, so one slow import does not delay the others' figures.
const MODULES: ReadonlyArray<() => Promise<BenchModule>> = [
  () => import("./suggestions.bench.ts").then((m) => m.default),
  () => import("./classification.bench.ts").then((m) => m.default),
  () => import("./graph.bench.ts").then((m) => m.default),
  () => import("./api.bench.ts").then((m) => m.default),
  () => import("./frontend.bench.ts").then((m) => m.default),
];

function printSection(section: BenchSection): void {
  const rows = section.figures.map((f) => [f.name, formatValue(f.value), f.unit, f.target ?? ""]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 6));
  console.log(`\n## ${section.title}`);
  for (const row of rows) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")}`);
  for (const note of section.notes ?? []) console.log(`  - ${note}`);
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const report: Record<string, Record<string, number | null>> = {};
  for (const load of MODULES) {
    const module = await load();
    const section = await module.run({ quick });
    printSection(section);
    report[module.key] = { ...section.report };
  }
  await writeFile(new URL("./report.json", import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  console.log("\nWrote bench/report.json");
}

await main();
