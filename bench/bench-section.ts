/** What each benchmark module returns to `bench/run.ts`. */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The goal beside the figure, in words ("< 1", "≤ 1 per 20 calendars"). */
  readonly target?: string;
}

export interface BenchSection {
  readonly title: string;
  readonly figures: readonly BenchFigure[];
  /**
   * Keys merged into bench/report.json under this section's key (e.g. "classification"); null for a
   * figure that could not be measured on this machine (the notes say why).
   */
  readonly report: Readonly<Record<string, number | null>>;
  /** Free text printed under the table: how a figure was computed, what it means. */
  readonly notes?: readonly string[];
}

export interface BenchOptions {
  /** `npm run bench -- --quick`: smaller sizes so the whole run finishes within 3 minutes. */
  readonly quick: boolean;
}

export type BenchModule = {
  readonly key: string;
  run(options: BenchOptions): Promise<BenchSection>;
};
