import { describe, expect, it } from "vitest";
import { resolveApp } from "../manifest/app-definition.ts";
import { buildXmlManifest, XML_NAMESPACES } from "../manifest/build-xml-manifest.ts";
import { DEMO_DEPLOYMENT, type Deployment } from "../manifest/deployment.ts";
import { isUnderBase } from "../manifest/url-rules.ts";
import { validateXmlManifest } from "../manifest/validate-xml-manifest.ts";
import {
  attributeNS,
  childElements,
  parseXml,
  textContent,
  type XmlElement,
} from "../scripts/lib/xml-parse.ts";

const CONTOSO: Deployment = {
  baseUrl: "https://coach.contoso.com/fieldcoach",
  clientId: "0d3c6a52-7a6e-4a0c-9d51-8b3f2e1c4a77",
  appId: "4f1e2d3c-5b6a-4789-8a0b-1c2d3e4f5a6b",
};

function descendants(element: XmlElement): XmlElement[] {
  return childElements(element).flatMap((child) => [child, ...descendants(child)]);
}

function byName(root: XmlElement, localName: string): XmlElement[] {
  return descendants(root).filter((element) => element.localName === localName);
}

describe.each([
  ["the demo deployment", DEMO_DEPLOYMENT],
  ["a deployment under a path prefix", CONTOSO],
])("the add-in only manifest for %s", (_, deployment) => {
  const app = resolveApp(deployment);
  const xml = buildXmlManifest(app);
  const root = parseXml(xml);

  it("passes the structural validator", () => {
    expect(validateXmlManifest(xml, app)).toEqual([]);
  });

  it("is a MailApp whose id differs from the unified manifest's", () => {
    expect(root.namespace).toBe(XML_NAMESPACES.officeApp);
    expect(attributeNS(root, XML_NAMESPACES.xsi, "type")).toBe("MailApp");
    const id = textContent(byName(root, "Id")[0]!);
    expect(id).toBe(app.outlookAddinId);
    expect(id).not.toBe(deployment.appId);
  });

  it("adds a task-pane button to appointments for organizers and attendees, with 16, 32 and 80 px icons", () => {
    const surfaces = byName(root, "ExtensionPoint").map((point) =>
      attributeNS(point, XML_NAMESPACES.xsi, "type"),
    );
    expect(surfaces).toEqual(["AppointmentOrganizerCommandSurface", "AppointmentAttendeeCommandSurface"]);
    for (const control of byName(root, "Control")) {
      expect(
        attributeNS(
          childElements(control).find((c) => c.localName === "Action")!,
          XML_NAMESPACES.xsi,
          "type",
        ),
      ).toBe("ShowTaskpane");
      const sizes = byName(control, "Image").map((image) => image.attributes.get("size"));
      expect(sizes).toEqual(["16", "32", "80"]);
    }
    const paneUrl = byName(root, "Url").find((url) => url.attributes.get("id") === "TaskPane.Url");
    expect(paneUrl?.attributes.get("DefaultValue")).toBe(`${deployment.baseUrl}/outlook`);
  });

  it("declares its domain, requirement sets and sign-in", () => {
    expect(byName(root, "AppDomain").map(textContent)).toEqual([new URL(deployment.baseUrl).origin]);
    const sets = byName(root, "Set").map((set) => [
      set.attributes.get("Name"),
      set.attributes.get("MinVersion"),
    ]);
    expect(sets).toEqual([
      ["Mailbox", "1.1"],
      ["Mailbox", undefined],
    ]);
    expect(byName(root, "Sets")[1]!.attributes.get("DefaultMinVersion")).toBe("1.5");
    const sso = byName(root, "WebApplicationInfo")[0]!;
    expect(textContent(childElements(sso)[0]!)).toBe(deployment.clientId);
    expect(textContent(childElements(sso)[1]!)).toBe(
      `api://${new URL(deployment.baseUrl).host}/${deployment.clientId}`,
    );
    expect(textContent(byName(root, "Permissions")[0]!)).toBe("ReadItem");
  });

  it("keeps every URL under the base URL", () => {
    const urls = descendants(root)
      .map((element) => element.attributes.get("DefaultValue"))
      .filter((value): value is string => value?.startsWith("https://") ?? false);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const url of urls) expect(isUnderBase(url, deployment.baseUrl), url).toBe(true);
  });
});

describe("the add-in only manifest validator", () => {
  const app = resolveApp(DEMO_DEPLOYMENT);
  const xml = buildXmlManifest(app);

  function broken(from: RegExp | string, to: string): string {
    const result = xml.replace(from, to);
    expect(result, `the edit ${from} must change the manifest`).not.toBe(xml);
    return result;
  }

  it.each<[string, () => string, RegExp]>([
    [
      "XML that is not well-formed",
      () => broken("</Hosts>", "</Host>"),
      /^not well-formed XML: Line \d+, column \d+: <\/Host> closes <Hosts>/,
    ],
    [
      "a missing WebApplicationInfo",
      () => broken(/<WebApplicationInfo>[\s\S]*<\/WebApplicationInfo>/, ""),
      /<VersionOverrides>: is missing <WebApplicationInfo>/,
    ],
    [
      "missing AppDomains",
      () => broken(/<AppDomains>[\s\S]*?<\/AppDomains>/, ""),
      /<OfficeApp>: needs <AppDomains> before <Hosts>/,
    ],
    [
      "elements out of order",
      () => broken(/(<Permissions>.*<\/Permissions>)(\s*)(<Rule [\s\S]*?<\/Rule>\n)/, "$3$2$1\n"),
      /<Permissions>: is out of order inside <OfficeApp>/,
    ],
    [
      "no attendee command surface",
      () => broken('xsi:type="AppointmentAttendeeCommandSurface"', 'xsi:type="MessageReadCommandSurface"'),
      /has no AppointmentAttendeeCommandSurface button that shows the task pane/,
    ],
    [
      "a task pane outside the base URL",
      () =>
        broken(
          '<bt:Url id="TaskPane.Url" DefaultValue="https://localhost:3000/outlook"',
          '<bt:Url id="TaskPane.Url" DefaultValue="https://evil.example/outlook"',
        ),
      /https:\/\/evil\.example\/outlook is outside the base URL https:\/\/localhost:3000/,
    ],
    [
      "an AppDomain of another origin",
      () =>
        broken(
          "<AppDomain>https://localhost:3000</AppDomain>",
          "<AppDomain>https://login.example.com</AppDomain>",
        ),
      /<AppDomain>: "https:\/\/login\.example\.com" is not the base URL's origin/,
    ],
    [
      "a 16 px slot holding the 32 px icon",
      () =>
        broken(
          'DefaultValue="https://localhost:3000/icons/icon-16.png"',
          'DefaultValue="https://localhost:3000/icons/icon-32.png"',
        ),
      /<bt:Image>: icon-32\.png is 32 px, 16 px expected/,
    ],
    [
      "a button without its 80 px icon",
      () => broken(/\s*<bt:Image size="80" resid="Icon.80x80" \/>/, ""),
      /has no 80 px image/,
    ],
    [
      "a dangling resource id",
      () => broken('<Label resid="Button.Label" />', '<Label resid="Button.Missing" />'),
      /resid "Button.Missing" names no resource/,
    ],
    [
      "a resource of the wrong kind",
      () => broken('<Description resid="Button.Tooltip" />', '<Description resid="Button.Label" />'),
      /resid "Button.Label" names a short resource, not a long one/,
    ],
    [
      "a short string over 125 characters",
      () => broken('DefaultValue="Open FieldCoach"', `DefaultValue="${"x".repeat(126)}"`),
      /DefaultValue is 126 characters long; at most 125 are allowed/,
    ],
    [
      "VersionOverrides 1.1 in the wrong namespace",
      () =>
        broken(
          'xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1"',
          'xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.2"',
        ),
      /is not allowed inside <VersionOverrides>/,
    ],
    [
      "a sign-in resource for another host",
      () => broken(/<Resource>api:\/\/localhost:3000\//, "<Resource>api://elsewhere.example/"),
      /<Resource>: must be api:\/\/localhost:3000\//,
    ],
    [
      "an unknown permission",
      () => broken("<Permissions>ReadItem</Permissions>", "<Permissions>Everything</Permissions>"),
      /<Permissions>: must be one of/,
    ],
    [
      "no activation on appointments being edited",
      () => broken(/\s*<Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Edit" \/>/, ""),
      /does not activate on appointments in Edit form/,
    ],
  ])("rejects %s", (_, make, problem) => {
    expect(validateXmlManifest(make(), app).join("\n")).toMatch(problem);
  });
});
