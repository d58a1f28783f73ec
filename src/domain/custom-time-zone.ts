import { FixedOffsetZone, Zone, type ZoneOffsetFormat } from "luxon";
import { WEEKDAYS, type Weekday } from "./org.ts";

/**
 * When a zone changes offset each year, the way Windows (and Graph's `customTimeZone`) writes it:
 * the `dayOccurrence`th `dayOfWeek` of `month` (5 meaning the last), at `time` local wall-clock time.
 */
export interface YearlyTransition {
  readonly month: number;
  readonly dayOccurrence: number;
  readonly dayOfWeek: Weekday;
  /** "HH:mm:ss". */
  readonly time: string;
}

/** A zone a person defined in Outlook instead of picking a named one. */
export interface CustomZoneRules {
  readonly name: string;
  /** Minutes to add to local standard time to get UTC (Windows' sign: Pacific is +480). */
  readonly biasMinutes: number;
  /** Absent when the zone keeps one offset all year. */
  readonly daylight?: {
    /** Minutes added to the bias while daylight time is in force (usually −60). */
    readonly biasMinutes: number;
    readonly starts: YearlyTransition;
    readonly ends: YearlyTransition;
  };
}

/** A Luxon zone for a custom zone: a fixed offset, or a yearly daylight-time rule. */
export function customZone(rules: CustomZoneRules): Zone {
  if (rules.daylight === undefined || rules.daylight.biasMinutes === 0) {
    return FixedOffsetZone.instance(-rules.biasMinutes);
  }
  return new YearlyRuleZone(rules.name, rules.biasMinutes, rules.daylight);
}

class YearlyRuleZone extends Zone {
  readonly #name: string;
  readonly #standardOffset: number;
  readonly #daylightOffset: number;
  readonly #starts: YearlyTransition;
  readonly #ends: YearlyTransition;
  readonly #transitions = new Map<number, { readonly daylightFrom: number; readonly standardFrom: number }>();

  constructor(name: string, biasMinutes: number, daylight: NonNullable<CustomZoneRules["daylight"]>) {
    super();
    this.#name = name;
    this.#standardOffset = -biasMinutes;
    this.#daylightOffset = -(biasMinutes + daylight.biasMinutes);
    this.#starts = daylight.starts;
    this.#ends = daylight.ends;
  }

  override get type(): string {
    return "custom";
  }

  override get name(): string {
    return this.#name;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): true {
    return true;
  }

  override offsetName(ts: number): string {
    return `UTC${this.formatOffset(ts, "short")}`;
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    const offset = this.offset(ts);
    const sign = offset < 0 ? "-" : "+";
    const hours = Math.trunc(Math.abs(offset) / 60);
    const minutes = Math.abs(offset) % 60;
    const hh = String(hours).padStart(2, "0");
    const mm = String(minutes).padStart(2, "0");
    if (format === "narrow") return minutes === 0 ? `${sign}${hours}` : `${sign}${hours}:${mm}`;
    return format === "techie" ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
  }

  override offset(ts: number): number {
    // The year of the local standard time decides which year's rule applies; transitions never sit
    // near New Year, so the year seen in UTC or in daylight time would give the same answer.
    const year = new Date(ts + this.#standardOffset * 60_000).getUTCFullYear();
    const { daylightFrom, standardFrom } = this.#transitionsOf(year);
    const inDaylight =
      daylightFrom < standardFrom
        ? ts >= daylightFrom && ts < standardFrom
        : !(ts >= standardFrom && ts < daylightFrom);
    return inDaylight ? this.#daylightOffset : this.#standardOffset;
  }

  override equals(other: Zone): boolean {
    return (
      other instanceof YearlyRuleZone &&
      other.#standardOffset === this.#standardOffset &&
      other.#daylightOffset === this.#daylightOffset &&
      JSON.stringify([other.#starts, other.#ends]) === JSON.stringify([this.#starts, this.#ends])
    );
  }

  #transitionsOf(year: number): { readonly daylightFrom: number; readonly standardFrom: number } {
    let found = this.#transitions.get(year);
    if (found === undefined) {
      // Daylight time starts at a wall-clock time read in standard time, and ends at one read in
      // daylight time.
      found = {
        daylightFrom: localMillis(year, this.#starts) - this.#standardOffset * 60_000,
        standardFrom: localMillis(year, this.#ends) - this.#daylightOffset * 60_000,
      };
      this.#transitions.set(year, found);
    }
    return found;
  }
}

/** The transition's wall-clock moment in `year`, as if that wall clock were UTC. */
function localMillis(year: number, rule: YearlyTransition): number {
  const weekday = (WEEKDAYS.indexOf(rule.dayOfWeek) + 1) % 7;
  const [h = 0, m = 0, s = 0] = rule.time.split(":").map((part) => Math.floor(Number(part)));
  const firstWeekday = new Date(Date.UTC(year, rule.month - 1, 1)).getUTCDay();
  let day = 1 + ((weekday - firstWeekday + 7) % 7) + 7 * (rule.dayOccurrence - 1);
  const daysInMonth = new Date(Date.UTC(year, rule.month, 0)).getUTCDate();
  while (day > daysInMonth) day -= 7;
  return Date.UTC(year, rule.month - 1, day, h, m, s);
}
