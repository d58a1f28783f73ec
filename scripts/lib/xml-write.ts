/** An element to serialize: attributes in the order given, then element children or one text value. */
export interface XmlOut {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children?: readonly XmlOut[];
  readonly text?: string;
}

export function el(
  name: string,
  attributes: Readonly<Record<string, string>> = {},
  content: readonly XmlOut[] | string = [],
): XmlOut {
  return typeof content === "string"
    ? { name, attributes, text: content }
    : { name, attributes, children: content };
}

function escapeText(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function escapeAttribute(value: string): string {
  return escapeText(value).replaceAll('"', "&quot;");
}

function render(node: XmlOut, depth: number): string {
  const indent = "  ".repeat(depth);
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join("");
  if (node.text !== undefined)
    return `${indent}<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`;
  const children = node.children ?? [];
  if (children.length === 0) return `${indent}<${node.name}${attributes} />`;
  const inner = children.map((child) => render(child, depth + 1)).join("\n");
  return `${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}

/** Serializes a document with an XML declaration, two-space indentation and escaped values. */
export function serializeXml(root: XmlOut): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, 0)}\n`;
}
