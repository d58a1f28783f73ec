/**
 * What an attacker (or a broken client) sends instead of what the API contract asks for, as fast-check
 * arbitraries: strings no well-behaved page writes, JSON of the wrong shape and depth, bodies that are not
 * JSON at all, and address parts that do not decode.
 */

import fc from "fast-check";

/** Text that is legal JSON but hostile to whatever stores, compares or shows it. */
export const HOSTILE_TEXT: readonly string[] = [
  "",
  " ",
  "\u0000",
  "note\u0000with a NUL",
  "\ud800",
  "lone \udfff low surrogate",
  "\udbff\udbff",
  "\u202egnp.exe",
  "\u200f\u202b right to left \u202c",
  "\ufeffBOM",
  "\uffff\ufffe",
  "e\u0301\u0301\u0301 combining",
  "🧑🏽‍💼 ZWJ sequence",
  "\r\nSet-Cookie: stolen=1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "' or '1'='1'; drop table notes; --",
  "../../../../etc/passwd",
  "%00%2e%2e%2f",
  "{{7*7}}#{7*7}",
  "__proto__",
  "constructor",
  "9".repeat(400),
  "1e309",
  "-0",
  "NaN",
  "x".repeat(30_000),
];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 3_000 }),
  fc.string({ unit: "binary-ascii", minLength: 2_000, maxLength: 25_000 }),
);

/** Any JSON value at all: wrong types for every field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [null], { "": "" }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A body as it goes on the wire: its text and the content type it claims. */
export interface WireBody {
  readonly text: string;
  readonly contentType: string | undefined;
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json; charset=utf-16",
  "text/plain",
  "text/csv",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  undefined,
] as const;

const nested = (depth: number, open: string, inner: string, close: string) =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

/** Text that is not the JSON asked for: broken, truncated, nested past any sense, or too large. */
export const malformedBody: fc.Arbitrary<WireBody> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        "",
        "{",
        "[",
        '{"a":}',
        "{'single': 'quotes'}",
        "nul",
        "undefined",
        "null",
        "true",
        "0",
        '"just a string"',
        "[]",
        '{"a":1,"a":2}',
        "\ufeff{}",
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"text":"\\ud800"}',
        '{"text":"\\u0000"}',
        "\u0000",
      ),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.jsonValue().chain((value) => {
        const text = JSON.stringify(value);
        return fc.nat({ max: text.length }).map((cut) => text.slice(0, cut));
      }),
      fc.integer({ min: 1_000, max: 120_000 }).map((depth) => nested(depth, "[", "", "]")),
      fc.integer({ min: 1_000, max: 40_000 }).map((depth) => nested(depth, '{"a":', "1", "}")),
      fc.constant(JSON.stringify({ filler: "x".repeat(300 * 1024) })),
      fc.constant("date,pipeline\n".repeat(200_000)),
    ),
    fc.constantFrom(...CONTENT_TYPES),
  )
  .map(([text, contentType]) => ({ text, contentType }));

/** A JSON body as the contract describes, with one value anywhere in it replaced, removed or added. */
export function mutatedBody(valid: unknown): fc.Arbitrary<WireBody> {
  const paths = pathsOf(valid);
  return fc
    .tuple(
      fc.constantFrom(...paths),
      fc.oneof(
        { weight: 4, arbitrary: hostileValue.map((value) => ({ kind: "set" as const, value })) },
        { weight: 1, arbitrary: fc.constant({ kind: "remove" as const }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(hostileText, hostileValue)
            .map(([key, value]) => ({ kind: "add" as const, key, value })),
        },
      ),
    )
    .map(([path, change]) => ({
      // Removing the whole body leaves none at all.
      text: JSON.stringify(changedAt(valid, path, change)) ?? "",
      contentType: "application/json",
    }));
}

type Change =
  | { readonly kind: "set"; readonly value: unknown }
  | { readonly kind: "remove" }
  | { readonly kind: "add"; readonly key: string; readonly value: unknown };

/** Every path into a JSON value, the value itself (the empty path) included. */
function pathsOf(value: unknown): (readonly (string | number)[])[] {
  const paths: (readonly (string | number)[])[] = [[]];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      for (const path of pathsOf(item)) paths.push([index, ...path]);
    });
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      for (const path of pathsOf(item)) paths.push([key, ...path]);
    }
  }
  return paths;
}

function changedAt(value: unknown, path: readonly (string | number)[], change: Change): unknown {
  if (path.length === 0) {
    if (change.kind === "set") return change.value;
    if (change.kind === "remove") return undefined;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? { ...value, [change.key]: change.value }
      : [value, change.value];
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const changed = changedAt(copy[head as number], rest, change);
    if (changed === undefined) copy.splice(head as number, 1);
    else copy[head as number] = changed;
    return copy;
  }
  const record = { ...(value as Record<string, unknown>) };
  const changed = changedAt(record[head as string], rest, change);
  if (changed === undefined) delete record[head as string];
  else record[head as string] = changed;
  return record;
}

/**
 * Percent-encodes text for a URL the way a careless client would: a lone surrogate becomes the three
 * bytes it would take in UTF-8 (ED A0 80 for U+D800), which are not valid UTF-8.
 */
export function percentEncode(text: string): string {
  let encoded = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join("");
    } else {
      encoded += encodeURIComponent(char);
    }
  }
  return encoded;
}

/** Escapes that do not decode, or decode to something no path should hold. */
const RAW_URL_PARTS = [
  "%",
  "%zz",
  "%E0%A4%A",
  "%C0%AF",
  "%FF%FE",
  "%00",
  "%2e%2e",
  "..",
  "%2F",
  "a%2Fb",
  "+",
];

/** A path segment or query value, already encoded for the URL. */
export const hostileUrlPart: fc.Arbitrary<string> = fc.oneof(
  hostileText.filter((text) => text.length <= 3_000).map(percentEncode),
  fc.constantFrom(...RAW_URL_PARTS),
);

/** A query string of known and unknown keys, repeated keys and values that do not decode. */
export function hostileQuery(knownKeys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...knownKeys, "from", "to", "manager", "rep") },
    { weight: 1, arbitrary: hostileUrlPart },
  );
  return fc
    .array(fc.tuple(key, hostileUrlPart), { maxLength: 6 })
    .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join("&"));
}
