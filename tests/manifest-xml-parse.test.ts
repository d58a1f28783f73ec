import { describe, expect, it } from "vitest";
import {
  attributeNS,
  childElements,
  parseXml,
  resolveQName,
  textContent,
  XmlSyntaxError,
} from "../scripts/lib/xml-parse.ts";
import { el, serializeXml } from "../scripts/lib/xml-write.ts";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

describe("XML parser", () => {
  it("resolves default and prefixed namespaces, attributes, entities, CDATA and comments", () => {
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>
<!-- leading comment -->
<a:Root xmlns:a="urn:a" xmlns="urn:default" xmlns:xsi="${XSI}" xsi:type="a:Thing" note='single &amp; "quoted"'>
  <Child id="1">x &lt; y &#x263A; &#65;<![CDATA[<raw> & ]]></Child>
  <?pi ignored?>
  <b:Other xmlns:b="urn:b" />
</a:Root>`);
    expect(root.localName).toBe("Root");
    expect(root.namespace).toBe("urn:a");
    expect(root.attributes.get("note")).toBe('single & "quoted"');
    expect(attributeNS(root, XSI, "type")).toBe("a:Thing");
    expect(resolveQName(root, "a:Thing")).toEqual({ namespace: "urn:a", localName: "Thing" });
    const [child, other] = childElements(root);
    expect(child!.namespace).toBe("urn:default");
    expect(textContent(child!)).toBe("x < y ☺ A<raw> & ");
    expect(other!.namespace).toBe("urn:b");
    expect(other!.line).toBe(6);
  });

  it.each([
    ["an unclosed element", "<a><b></a>", /<\/a> closes <b>/],
    ["a stray ampersand", "<a>fish & chips</a>", /entity reference/],
    ["an unknown entity", "<a>&nbsp;</a>", /unknown entity &nbsp;/],
    ["a duplicate attribute", '<a x="1" x="2"/>', /attribute x appears twice/],
    ["an unquoted attribute", "<a x=1/>", /must be quoted/],
    ["an undeclared prefix", "<p:a/>", /prefix "p" is not declared/],
    ["two root elements", "<a/><b/>", /content after the root element/],
    ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>', /document type declarations/],
    ["a missing close", "<a><b></b>", /<a> is not closed/],
  ])("rejects %s", (_, source, message) => {
    expect(() => parseXml(source)).toThrow(XmlSyntaxError);
    expect(() => parseXml(source)).toThrow(message);
  });

  it("names the line and column of the problem", () => {
    expect(() => parseXml("<a>\n  <b>\n</a>")).toThrow(/^Line 3, column 1: <\/a> closes <b>/);
  });
});

describe("XML writer", () => {
  it("escapes values and writes what the parser reads back", () => {
    const xml = serializeXml(
      el("Root", { xmlns: "urn:r", title: `Tom & "Jerry" <3` }, [
        el("Text", {}, "a < b & c > d"),
        el("Empty"),
      ]),
    );
    const root = parseXml(xml);
    expect(root.attributes.get("title")).toBe(`Tom & "Jerry" <3`);
    expect(textContent(childElements(root)[0]!)).toBe("a < b & c > d");
    expect(childElements(root)[1]!.children).toEqual([]);
  });
});
