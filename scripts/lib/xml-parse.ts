/** A parsed element. Names keep the prefix they were written with; `namespace` is the resolved URI. */
export interface XmlElement {
  readonly kind: "element";
  readonly name: string;
  readonly localName: string;
  readonly namespace: string | undefined;
  /** Attributes by their name as written (`xsi:type`, `DefaultValue`). */
  readonly attributes: ReadonlyMap<string, string>;
  /** Prefix → namespace URI in scope at this element; "" is the default namespace. */
  readonly namespaces: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  readonly line: number;
}

export interface XmlText {
  readonly kind: "text";
  readonly value: string;
}

export type XmlNode = XmlElement | XmlText;

/** A document that is not well-formed XML; the message names the line and column. */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const NAME = /[\p{L}_:][\p{L}\p{N}_.:-]*/uy;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

class Parser {
  private at = 0;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  private fail(message: string, at = this.at): never {
    const before = this.source.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    throw new XmlSyntaxError(`Line ${line}, column ${column}: ${message}`);
  }

  private lineAt(at: number): number {
    return this.source.slice(0, at).split("\n").length;
  }

  private startsWith(text: string): boolean {
    return this.source.startsWith(text, this.at);
  }

  private expect(text: string): void {
    if (!this.startsWith(text)) this.fail(`expected "${text}"`);
    this.at += text.length;
  }

  private skipSpace(): void {
    while (this.at < this.source.length && " \t\r\n".includes(this.source[this.at]!)) this.at++;
  }

  private name(): string {
    NAME.lastIndex = this.at;
    const match = NAME.exec(this.source);
    if (match === null) this.fail("expected a name");
    this.at += match[0].length;
    return match[0];
  }

  private skipUntil(terminator: string, what: string): string {
    const end = this.source.indexOf(terminator, this.at);
    if (end < 0) this.fail(`unterminated ${what}`);
    const body = this.source.slice(this.at, end);
    this.at = end + terminator.length;
    return body;
  }

  private decode(raw: string, start: number): string {
    return raw.replace(/&([^;&\s]*);?/g, (whole, reference: string, offset: number) => {
      if (!whole.endsWith(";")) this.fail("an & must begin an entity reference ending in ;", start + offset);
      if (reference.startsWith("#x")) {
        const code = Number.parseInt(reference.slice(2), 16);
        if (!/^#x[0-9a-fA-F]+$/.test(reference) || code > 0x10ffff)
          this.fail(`bad character reference &${reference};`);
        return String.fromCodePoint(code);
      }
      if (reference.startsWith("#")) {
        const code = Number.parseInt(reference.slice(1), 10);
        if (!/^#[0-9]+$/.test(reference) || code > 0x10ffff)
          this.fail(`bad character reference &${reference};`);
        return String.fromCodePoint(code);
      }
      const value = PREDEFINED[reference];
      if (value === undefined) this.fail(`unknown entity &${reference};`, start + offset);
      return value;
    });
  }

  /** Comments, processing instructions and whitespace allowed outside the root element. */
  private skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith("<!--")) {
        this.at += 4;
        this.skipUntil("-->", "comment");
      } else if (this.startsWith("<?")) {
        this.at += 2;
        this.skipUntil("?>", "processing instruction");
      } else return;
    }
  }

  parseDocument(): XmlElement {
    if (this.source.charCodeAt(0) === 0xfeff) this.at = 1;
    if (this.startsWith("<?xml")) {
      this.at += 5;
      this.skipUntil("?>", "XML declaration");
    }
    this.skipMisc();
    if (this.startsWith("<!DOCTYPE")) this.fail("document type declarations are not accepted");
    if (!this.startsWith("<")) this.fail("expected the root element");
    const root = this.element(new Map([["xml", XML_NAMESPACE]]));
    this.skipMisc();
    if (this.at < this.source.length) this.fail("content after the root element");
    return root;
  }

  private element(inherited: ReadonlyMap<string, string>): XmlElement {
    const start = this.at;
    this.expect("<");
    const name = this.name();
    const attributes = new Map<string, string>();
    for (;;) {
      const beforeSpace = this.at;
      this.skipSpace();
      if (this.startsWith("/>") || this.startsWith(">")) break;
      if (this.at === beforeSpace) this.fail("attributes must be separated by whitespace");
      const attributeAt = this.at;
      const attribute = this.name();
      this.skipSpace();
      this.expect("=");
      this.skipSpace();
      const quote = this.source[this.at];
      if (quote !== '"' && quote !== "'") this.fail(`the value of ${attribute} must be quoted`);
      this.at++;
      const valueAt = this.at;
      const raw = this.skipUntil(quote, `value of ${attribute}`);
      if (raw.includes("<")) this.fail(`the value of ${attribute} contains "<"`, valueAt);
      if (attributes.has(attribute)) this.fail(`attribute ${attribute} appears twice`, attributeAt);
      attributes.set(attribute, this.decode(raw, valueAt));
    }
    const namespaces = new Map(inherited);
    for (const [attribute, value] of attributes) {
      if (attribute === "xmlns") namespaces.set("", value);
      else if (attribute.startsWith("xmlns:")) namespaces.set(attribute.slice(6), value);
    }
    const resolve = (qualified: string, useDefault: boolean): string | undefined => {
      const colon = qualified.indexOf(":");
      if (colon < 0) return useDefault ? namespaces.get("") || undefined : undefined;
      const prefix = qualified.slice(0, colon);
      const uri = namespaces.get(prefix);
      if (uri === undefined) this.fail(`namespace prefix "${prefix}" is not declared`, start);
      return uri;
    };
    for (const attribute of attributes.keys()) {
      if (!attribute.startsWith("xmlns:") && attribute !== "xmlns") resolve(attribute, false);
    }
    const namespace = resolve(name, true);
    const localName = name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
    const base = {
      kind: "element" as const,
      name,
      localName,
      namespace,
      attributes,
      namespaces,
      line: this.lineAt(start),
    };
    if (this.startsWith("/>")) {
      this.at += 2;
      return { ...base, children: [] };
    }
    this.expect(">");
    const children: XmlNode[] = [];
    for (;;) {
      if (this.at >= this.source.length) this.fail(`element <${name}> is not closed`, start);
      if (this.startsWith("</")) {
        const closingAt = this.at;
        this.at += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`, closingAt);
        this.skipSpace();
        this.expect(">");
        return { ...base, children };
      }
      if (this.startsWith("<!--")) {
        this.at += 4;
        this.skipUntil("-->", "comment");
      } else if (this.startsWith("<![CDATA[")) {
        this.at += 9;
        children.push({ kind: "text", value: this.skipUntil("]]>", "CDATA section") });
      } else if (this.startsWith("<?")) {
        this.at += 2;
        this.skipUntil("?>", "processing instruction");
      } else if (this.startsWith("<")) {
        children.push(this.element(namespaces));
      } else {
        const textAt = this.at;
        const next = this.source.indexOf("<", this.at);
        const raw = this.source.slice(this.at, next < 0 ? this.source.length : next);
        if (raw.includes("]]>")) this.fail('text contains "]]>"', textAt);
        this.at += raw.length;
        children.push({ kind: "text", value: this.decode(raw, textAt) });
      }
    }
  }
}

/**
 * Parses a well-formed XML document (elements, attributes, namespaces, text, CDATA, comments,
 * processing instructions, the five predefined entities and character references). A DOCTYPE is
 * refused, so no external or custom entity is ever expanded.
 */
export function parseXml(source: string): XmlElement {
  return new Parser(source).parseDocument();
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => child.kind === "element");
}

export function textContent(element: XmlElement): string {
  return element.children.map((child) => (child.kind === "text" ? child.value : textContent(child))).join("");
}

/** The value of a prefixed attribute looked up by namespace, whatever prefix the document chose. */
export function attributeNS(element: XmlElement, namespace: string, localName: string): string | undefined {
  for (const [name, value] of element.attributes) {
    const colon = name.indexOf(":");
    if (colon < 0 || name.startsWith("xmlns:")) continue;
    if (name.slice(colon + 1) === localName && element.namespaces.get(name.slice(0, colon)) === namespace)
      return value;
  }
  return undefined;
}

/** Resolves a QName-valued attribute such as xsi:type="bt:MobileIconList" against the element's scope. */
export function resolveQName(
  element: XmlElement,
  qualified: string,
): { namespace: string | undefined; localName: string } {
  const colon = qualified.indexOf(":");
  if (colon < 0) return { namespace: element.namespaces.get("") || undefined, localName: qualified };
  return {
    namespace: element.namespaces.get(qualified.slice(0, colon)),
    localName: qualified.slice(colon + 1),
  };
}
