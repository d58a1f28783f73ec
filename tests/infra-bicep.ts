// A reader for the Bicep FieldCoach writes, so that tests can check the templates where no Bicep compiler
// runs: the declarations (parameters, variables, outputs, resources, modules) and the object and array
// literals of their bodies. Anything that is not a plain literal is kept as its source text.

/** Any Bicep expression that is not a literal, as written: a call, a reference, an interpolated string. */
export class BicepExpression {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

export interface BicepObject {
  readonly [key: string]: BicepValue;
}

/** A Bicep value: a literal, an object or array literal, or an expression. */
export type BicepValue =
  | string
  | number
  | boolean
  | null
  | BicepExpression
  | readonly BicepValue[]
  | BicepObject;

export interface BicepParam {
  readonly name: string;
  readonly type: string;
  readonly defaultValue: BicepValue | undefined;
  /** Decorators as written, such as `@secure()` or `@allowed([...])`. */
  readonly decorators: readonly string[];
}

export interface BicepDeployment {
  /** The symbolic name. */
  readonly symbol: string;
  /** `Type@apiVersion` for a resource, the file path for a module. */
  readonly target: string;
  readonly existing: boolean;
  /** The condition of `= if (...)`, or undefined when always deployed. */
  readonly condition: string | undefined;
  readonly body: BicepValue;
}

export interface BicepFile {
  readonly params: ReadonlyMap<string, BicepParam>;
  readonly vars: ReadonlyMap<string, BicepValue>;
  readonly outputs: ReadonlyMap<string, { readonly type: string; readonly value: BicepValue }>;
  readonly resources: readonly BicepDeployment[];
  readonly modules: readonly BicepDeployment[];
}

/** A .bicepparam file: the template it is for and each parameter's value. */
export interface BicepParamFile {
  readonly using: string;
  readonly params: ReadonlyMap<string, BicepValue>;
}

export class BicepSyntaxError extends Error {}

class Reader {
  private readonly text: string;
  private position = 0;

  constructor(text: string) {
    this.text = text;
  }

  get done(): boolean {
    this.skipSpace(true);
    return this.position >= this.text.length;
  }

  fail(what: string): never {
    const line = this.text.slice(0, this.position).split("\n").length;
    throw new BicepSyntaxError(`line ${line}: expected ${what}`);
  }

  /** Skips blanks and comments, and line breaks too when asked. */
  skipSpace(newlines: boolean): void {
    for (;;) {
      const rest = this.text.slice(this.position);
      const blank = (newlines ? /^[ \t\r\n]+/ : /^[ \t\r]+/).exec(rest);
      if (blank !== null) {
        this.position += blank[0].length;
        continue;
      }
      if (rest.startsWith("//")) {
        const end = this.text.indexOf("\n", this.position);
        this.position = end === -1 ? this.text.length : end;
        continue;
      }
      if (rest.startsWith("/*")) {
        const end = this.text.indexOf("*/", this.position);
        if (end === -1) this.fail("the end of a comment");
        this.position = end + 2;
        continue;
      }
      return;
    }
  }

  peek(pattern: RegExp): string | undefined {
    return pattern.exec(this.text.slice(this.position))?.[0];
  }

  take(pattern: RegExp, what: string): string {
    this.skipSpace(false);
    const match = this.peek(pattern);
    if (match === undefined) this.fail(what);
    this.position += match.length;
    return match;
  }

  /** The end of the string literal that starts at `start`, interpolations included. */
  private stringEnd(start: number): number {
    if (this.text.startsWith("'''", start)) {
      const end = this.text.indexOf("'''", start + 3);
      if (end === -1) this.fail("the end of a multi-line string");
      return end + 3;
    }
    let index = start + 1;
    while (index < this.text.length) {
      const char = this.text[index];
      if (char === "\\") index += 2;
      else if (char === "'") return index + 1;
      else if (this.text.startsWith("${", index)) index = this.balancedEnd(index + 1, "{", "}");
      else index += 1;
    }
    return this.fail("the end of a string");
  }

  /** The index after the bracket that closes the one at `start`, skipping strings. */
  private balancedEnd(start: number, open: string, close: string): number {
    let depth = 0;
    let index = start;
    while (index < this.text.length) {
      const char = this.text[index];
      if (char === "'") {
        index = this.stringEnd(index);
        continue;
      }
      if (char === open) depth += 1;
      if (char === close) {
        depth -= 1;
        if (depth === 0) return index + 1;
      }
      index += 1;
    }
    return this.fail(`a closing ${close}`);
  }

  /** Source text up to a line break, comma or closing bracket outside any bracket or string. */
  private expressionText(): string {
    const start = this.position;
    let index = start;
    while (index < this.text.length) {
      const char = this.text[index]!;
      if (char === "'") index = this.stringEnd(index);
      else if (char === "(") index = this.balancedEnd(index, "(", ")");
      else if (char === "[") index = this.balancedEnd(index, "[", "]");
      else if (char === "{") index = this.balancedEnd(index, "{", "}");
      else if (char === "\n" || char === "," || char === "}" || char === "]") break;
      else if (this.text.startsWith("//", index)) break;
      else index += 1;
    }
    this.position = index;
    const expression = this.text.slice(start, index).trim();
    if (expression === "") this.fail("a value");
    return expression;
  }

  value(): BicepValue {
    this.skipSpace(false);
    if (this.peek(/^\{/) !== undefined) return this.object();
    if (this.peek(/^\[\s*for\b/) === undefined && this.peek(/^\[/) !== undefined) return this.array();
    return literal(this.expressionText());
  }

  private object(): BicepObject {
    this.take(/^\{/, "{");
    const result: Record<string, BicepValue> = {};
    for (;;) {
      this.skipSpace(true);
      if (this.peek(/^\}/) !== undefined) {
        this.position += 1;
        return result;
      }
      const key = this.peek(/^'/) !== undefined ? this.quotedKey() : this.take(/^[A-Za-z_$][\w$]*/, "a key");
      this.take(/^:/, `: after ${key}`);
      result[key] = this.value();
      this.skipSpace(false);
      if (this.peek(/^,/) !== undefined) this.position += 1;
    }
  }

  private quotedKey(): string {
    const end = this.stringEnd(this.position);
    const key = this.text.slice(this.position, end);
    this.position = end;
    const plain = literal(key);
    return typeof plain === "string" ? plain : key;
  }

  private array(): BicepValue[] {
    this.take(/^\[/, "[");
    const result: BicepValue[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.peek(/^,/) !== undefined) {
        this.position += 1;
        continue;
      }
      if (this.peek(/^\]/) !== undefined) {
        this.position += 1;
        return result;
      }
      result.push(this.value());
    }
  }

  /** The text inside the parentheses that come next, such as the condition of `if (...)`. */
  parenthesized(): string {
    this.skipSpace(false);
    if (this.peek(/^\(/) === undefined) this.fail("(");
    const start = this.position;
    this.position = this.balancedEnd(start, "(", ")");
    return this.text.slice(start + 1, this.position - 1).trim();
  }

  /** A decorator with its arguments, which may span lines. */
  decorator(): string {
    const start = this.position;
    this.take(/^@[\w.]+/, "a decorator");
    if (this.peek(/^\(/) !== undefined) this.position = this.balancedEnd(this.position, "(", ")");
    return this.text.slice(start, this.position);
  }

  /** The rest of the line, for type expressions. */
  typeText(): string {
    this.skipSpace(false);
    const type = this.take(/^[^=\n]+/, "a type").trim();
    return type;
  }
}

function literal(expression: string): BicepValue {
  if (/^-?\d+$/.test(expression)) return Number(expression);
  if (expression === "true" || expression === "false") return expression === "true";
  if (expression === "null") return null;
  const quoted = /^'((?:[^'\\$]|\\.|\$(?!\{))*)'$/s.exec(expression);
  if (quoted !== null) return quoted[1]!.replace(/\\(.)/g, (_, char: string) => (char === "n" ? "\n" : char));
  return new BicepExpression(expression);
}

/** Reads a .bicep file's declarations. */
export function readBicep(text: string): BicepFile {
  const reader = new Reader(text);
  const params = new Map<string, BicepParam>();
  const vars = new Map<string, BicepValue>();
  const outputs = new Map<string, { type: string; value: BicepValue }>();
  const resources: BicepDeployment[] = [];
  const modules: BicepDeployment[] = [];
  while (!reader.done) {
    const decorators: string[] = [];
    while (reader.peek(/^@/) !== undefined) {
      decorators.push(reader.decorator());
      reader.skipSpace(true);
    }
    const keyword = reader.take(/^[a-zA-Z]+/, "a declaration");
    if (keyword === "targetScope") {
      reader.take(/^=/, "=");
      reader.value();
    } else if (keyword === "param") {
      const name = reader.take(/^\w+/, "a parameter name");
      const type = reader.typeText();
      let defaultValue: BicepValue | undefined;
      if (reader.peek(/^=/) !== undefined) {
        reader.take(/^=/, "=");
        defaultValue = reader.value();
      }
      params.set(name, { name, type, defaultValue, decorators });
    } else if (keyword === "var") {
      const name = reader.take(/^\w+/, "a variable name");
      reader.take(/^=/, "=");
      vars.set(name, reader.value());
    } else if (keyword === "output") {
      const name = reader.take(/^\w+/, "an output name");
      const type = reader.typeText();
      reader.take(/^=/, "=");
      outputs.set(name, { type, value: reader.value() });
    } else if (keyword === "resource" || keyword === "module") {
      const symbol = reader.take(/^\w+/, "a symbolic name");
      const target = literal(reader.take(/^'[^']*'/, "a type or path"));
      const existing = reader.peek(/^\s*existing\b/) !== undefined;
      if (existing) reader.take(/^existing/, "existing");
      reader.take(/^=/, "=");
      let condition: string | undefined;
      if (reader.peek(/^\s*if\b/) !== undefined) {
        reader.take(/^if/, "if");
        condition = reader.parenthesized();
      }
      const deployment = { symbol, target: String(target), existing, condition, body: reader.value() };
      (keyword === "resource" ? resources : modules).push(deployment);
    } else {
      reader.fail(`a known declaration, not ${keyword}`);
    }
  }
  return { params, vars, outputs, resources, modules };
}

/** Reads a .bicepparam file: its `using` line and `param` assignments. */
export function readBicepParams(text: string): BicepParamFile {
  const reader = new Reader(text);
  let using: string | undefined;
  const params = new Map<string, BicepValue>();
  while (!reader.done) {
    const keyword = reader.take(/^[a-zA-Z]+/, "using or param");
    if (keyword === "using") {
      const path = literal(reader.take(/^'[^']*'/, "the template path"));
      using = typeof path === "string" ? path : reader.fail("a plain template path");
    } else if (keyword === "param") {
      const name = reader.take(/^\w+/, "a parameter name");
      reader.take(/^=/, "=");
      params.set(name, reader.value());
    } else {
      reader.fail(`using or param, not ${keyword}`);
    }
  }
  if (using === undefined) throw new BicepSyntaxError("a .bicepparam file needs a using line");
  return { using, params };
}

/** Follows a path of keys and indexes into a value; undefined where it leads nowhere. */
export function at(
  value: BicepValue | undefined,
  ...path: readonly (string | number)[]
): BicepValue | undefined {
  let current = value;
  for (const step of path) {
    if (Array.isArray(current)) current = typeof step === "number" ? current[step] : undefined;
    else if (isObject(current) && typeof step === "string") current = current[step];
    else return undefined;
  }
  return current;
}

export function isObject(value: BicepValue | undefined): value is BicepObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof BicepExpression)
  );
}

/** The source text of an expression, or undefined for a literal. */
export function expressionOf(value: BicepValue | undefined): string | undefined {
  return value instanceof BicepExpression ? value.text : undefined;
}
