import {
  attributeNS,
  childElements,
  parseXml,
  resolveQName,
  textContent,
  type XmlElement,
  XmlSyntaxError,
} from "../scripts/lib/xml-parse.ts";
import type { ResolvedApp } from "./app-definition.ts";
import { XML_NAMESPACES as NS } from "./build-xml-manifest.ts";
import { iconAt, isUnderBase } from "./url-rules.ts";

/** One expected child in an XSD-style sequence: children must come in this order. */
interface Slot {
  readonly name: string;
  readonly namespace: string;
  readonly min: number;
  readonly max: number;
}

const one = (name: string, namespace: string): Slot => ({ name, namespace, min: 1, max: 1 });
const optional = (name: string, namespace: string): Slot => ({ name, namespace, min: 0, max: 1 });
const many = (name: string, namespace: string, min = 1): Slot => ({
  name,
  namespace,
  min,
  max: Number.POSITIVE_INFINITY,
});

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const SHORT_VERSION = /^\d{1,5}\.\d{1,5}$/;
const CULTURE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const SHORT_STRING = 125;
const LONG_STRING = 250;
const RESOURCE_ID = 32;
const COMMAND_SURFACES = ["AppointmentOrganizerCommandSurface", "AppointmentAttendeeCommandSurface"] as const;
const PERMISSIONS = ["Restricted", "ReadItem", "ReadWriteItem", "ReadWriteMailbox"];

type ResourceKind = "image" | "url" | "short" | "long";

/** Collects problems as sentences that name the element and its line. */
class Report {
  readonly problems: string[] = [];

  add(element: XmlElement, message: string): void {
    this.problems.push(`line ${element.line}, <${element.name}>: ${message}`);
  }

  /**
   * Checks that the element's children follow `slots` in order and in number, as the Office
   * schemas' sequences demand, and returns the children matched to each slot by name.
   */
  sequence(element: XmlElement, slots: readonly Slot[]): Map<string, XmlElement[]> {
    const found = new Map<string, XmlElement[]>(slots.map((slot) => [slot.name, []]));
    let index = 0;
    for (const child of childElements(element)) {
      let at = index;
      while (
        at < slots.length &&
        (slots[at]!.name !== child.localName || slots[at]!.namespace !== child.namespace)
      )
        at++;
      const slot = slots[at];
      if (slot === undefined) {
        const known = slots.some((s) => s.name === child.localName && s.namespace === child.namespace);
        this.add(
          child,
          known ? `is out of order inside <${element.name}>.` : `is not allowed inside <${element.name}>.`,
        );
        continue;
      }
      for (const skipped of slots.slice(index, at)) {
        if (found.get(skipped.name)!.length < skipped.min)
          this.add(element, `needs <${skipped.name}> before <${child.name}>.`);
      }
      index = at;
      const matches = found.get(slot.name)!;
      matches.push(child);
      if (matches.length > slot.max)
        this.add(child, `may appear at most ${slot.max} time(s) inside <${element.name}>.`);
    }
    for (const slot of slots.slice(index)) {
      if (found.get(slot.name)!.length < slot.min) this.add(element, `is missing <${slot.name}>.`);
    }
    return found;
  }

  attribute(element: XmlElement, name: string, pattern?: RegExp, meaning?: string): string | undefined {
    const value = element.attributes.get(name);
    if (value === undefined || value === "") this.add(element, `needs a ${name} attribute.`);
    else if (pattern !== undefined && !pattern.test(value))
      this.add(element, `${name}="${value}" is not ${meaning}.`);
    return value;
  }

  text(element: XmlElement | undefined, pattern: RegExp, meaning: string): string | undefined {
    if (element === undefined) return undefined;
    const value = textContent(element).trim();
    if (!pattern.test(value)) this.add(element, `"${value}" is not ${meaning}.`);
    return value;
  }

  xsiType(element: XmlElement, allowed: readonly string[]): string | undefined {
    const raw = attributeNS(element, NS.xsi, "type");
    if (raw === undefined) {
      this.add(element, "needs an xsi:type attribute.");
      return undefined;
    }
    const { localName } = resolveQName(element, raw);
    if (!allowed.includes(localName))
      this.add(element, `xsi:type="${raw}" is not one of ${allowed.join(", ")}.`);
    return localName;
  }
}

function first(found: Map<string, XmlElement[]>, name: string): XmlElement | undefined {
  return found.get(name)?.[0];
}

interface Context {
  readonly report: Report;
  readonly app: ResolvedApp;
  readonly resources: Map<string, { kind: ResourceKind; value: string; element: XmlElement }>;
}

function checkUrl(ctx: Context, element: XmlElement, url: string): void {
  if (!isUnderBase(url, ctx.app.deployment.baseUrl)) {
    ctx.report.add(element, `${url} is outside the base URL ${ctx.app.deployment.baseUrl}.`);
  }
}

function checkIconUrl(ctx: Context, element: XmlElement, url: string | undefined, pixels: number): void {
  if (url === undefined) return;
  checkUrl(ctx, element, url);
  const icon = iconAt(url, ctx.app);
  if (icon === undefined) ctx.report.add(element, `${url} is not one of manifest/icons/.`);
  else if (icon.pixels !== pixels)
    ctx.report.add(element, `${icon.file} is ${icon.pixels} px, ${pixels} px expected.`);
}

function localeAware(ctx: Context, element: XmlElement | undefined, maxLength?: number): string | undefined {
  if (element === undefined) return undefined;
  ctx.report.sequence(element, [many("Override", element.namespace ?? "", 0)]);
  const value = ctx.report.attribute(element, "DefaultValue");
  if (value !== undefined && maxLength !== undefined && value.length > maxLength) {
    ctx.report.add(
      element,
      `DefaultValue is ${value.length} characters long; at most ${maxLength} are allowed.`,
    );
  }
  return value;
}

function resourceValue(
  ctx: Context,
  element: XmlElement | undefined,
  kind: ResourceKind,
): string | undefined {
  if (element === undefined) return undefined;
  const id = ctx.report.attribute(element, "resid");
  if (id === undefined) return undefined;
  if (id.length > RESOURCE_ID)
    ctx.report.add(element, `resid "${id}" is longer than ${RESOURCE_ID} characters.`);
  const resource = ctx.resources.get(id);
  if (resource === undefined) ctx.report.add(element, `resid "${id}" names no resource.`);
  else if (resource.kind !== kind)
    ctx.report.add(element, `resid "${id}" names a ${resource.kind} resource, not a ${kind} one.`);
  else return resource.value;
  return undefined;
}

function collectResources(ctx: Context, resources: XmlElement): void {
  const lists = ctx.report.sequence(resources, [
    optional("Images", NS.basicTypes),
    optional("Urls", NS.basicTypes),
    optional("ShortStrings", NS.basicTypes),
    optional("LongStrings", NS.basicTypes),
  ]);
  const kinds: Array<[string, string, ResourceKind, number | undefined]> = [
    ["Images", "Image", "image", undefined],
    ["Urls", "Url", "url", undefined],
    ["ShortStrings", "String", "short", SHORT_STRING],
    ["LongStrings", "String", "long", LONG_STRING],
  ];
  for (const [list, item, kind, maxLength] of kinds) {
    const container = first(lists, list);
    if (container === undefined) continue;
    for (const entry of ctx.report.sequence(container, [many(item, NS.basicTypes)]).get(item) ?? []) {
      const id = ctx.report.attribute(entry, "id");
      const value = localeAware(ctx, entry, maxLength);
      if (id === undefined || value === undefined) continue;
      if (ctx.resources.has(id)) ctx.report.add(entry, `resource id "${id}" is used twice.`);
      ctx.resources.set(id, { kind, value, element: entry });
      if (kind === "image" || kind === "url") checkUrl(ctx, entry, value);
    }
  }
}

function checkButton(ctx: Context, control: XmlElement): void {
  const ns = NS.versionOverrides11;
  const type = ctx.report.xsiType(control, ["Button", "Menu"]);
  if (type !== "Button") return;
  ctx.report.attribute(control, "id");
  const parts = ctx.report.sequence(control, [
    one("Label", ns),
    one("Supertip", ns),
    one("Icon", ns),
    one("Action", ns),
  ]);
  resourceValue(ctx, first(parts, "Label"), "short");
  const supertip = first(parts, "Supertip");
  if (supertip !== undefined) {
    const tip = ctx.report.sequence(supertip, [one("Title", ns), one("Description", ns)]);
    resourceValue(ctx, first(tip, "Title"), "short");
    resourceValue(ctx, first(tip, "Description"), "long");
  }
  const icon = first(parts, "Icon");
  if (icon !== undefined) {
    const images = ctx.report.sequence(icon, [many("Image", NS.basicTypes)]).get("Image") ?? [];
    const sizes = images.map((image) => {
      const size = Number(
        ctx.report.attribute(image, "size", /^(16|20|24|32|40|48|64|80)$/, "an icon size Outlook knows"),
      );
      checkIconUrl(ctx, image, resourceValue(ctx, image, "image"), size);
      return size;
    });
    for (const needed of [16, 32, 80]) {
      if (!sizes.includes(needed))
        ctx.report.add(icon, `has no ${needed} px image; Outlook needs 16, 32 and 80.`);
    }
  }
  const action = first(parts, "Action");
  if (
    action !== undefined &&
    ctx.report.xsiType(action, ["ShowTaskpane", "ExecuteFunction"]) === "ShowTaskpane"
  ) {
    const source = first(ctx.report.sequence(action, [one("SourceLocation", ns)]), "SourceLocation");
    const url = resourceValue(ctx, source, "url");
    if (source !== undefined && url !== undefined && url !== ctx.app.pages.outlook) {
      ctx.report.add(source, `opens ${url}, not the task pane ${ctx.app.pages.outlook}.`);
    }
  }
}

/** Returns the command surfaces that hold at least one button opening the task pane. */
function checkDesktop(ctx: Context, desktop: XmlElement): Set<string> {
  const ns = NS.versionOverrides11;
  const surfaces = new Set<string>();
  const found = ctx.report.sequence(desktop, [optional("FunctionFile", ns), many("ExtensionPoint", ns)]);
  const functionFile = first(found, "FunctionFile");
  if (functionFile !== undefined) resourceValue(ctx, functionFile, "url");
  for (const point of found.get("ExtensionPoint") ?? []) {
    const surface = ctx.report.xsiType(point, [
      ...COMMAND_SURFACES,
      "MessageReadCommandSurface",
      "MessageComposeCommandSurface",
    ]);
    const tabs = ctx.report.sequence(point, [many("OfficeTab", ns, 0), many("CustomTab", ns, 0)]);
    const officeTabs = tabs.get("OfficeTab") ?? [];
    if (officeTabs.length + (tabs.get("CustomTab")?.length ?? 0) === 0) ctx.report.add(point, "has no tab.");
    for (const tab of officeTabs) {
      ctx.report.attribute(tab, "id", /^TabDefault$/, "TabDefault, the only built-in tab Outlook accepts");
      for (const group of ctx.report.sequence(tab, [many("Group", ns)]).get("Group") ?? []) {
        ctx.report.attribute(group, "id");
        const parts = ctx.report.sequence(group, [one("Label", ns), many("Control", ns)]);
        resourceValue(ctx, first(parts, "Label"), "short");
        for (const control of parts.get("Control") ?? []) {
          checkButton(ctx, control);
          const action = childElements(control).find((child) => child.localName === "Action");
          if (
            surface !== undefined &&
            action !== undefined &&
            attributeNS(action, NS.xsi, "type")?.endsWith("ShowTaskpane")
          ) {
            surfaces.add(surface);
          }
        }
      }
    }
  }
  return surfaces;
}

function checkVersionOverrides11(ctx: Context, overrides: XmlElement): void {
  const ns = NS.versionOverrides11;
  ctx.report.xsiType(overrides, ["VersionOverridesV1_1"]);
  const found = ctx.report.sequence(overrides, [
    optional("Description", ns),
    one("Requirements", ns),
    one("Hosts", ns),
    one("Resources", ns),
    one("WebApplicationInfo", ns),
    optional("EquivalentAddins", ns),
  ]);
  // Resources first: every resid elsewhere is checked against them.
  const resources = first(found, "Resources");
  if (resources !== undefined) collectResources(ctx, resources);
  const description = first(found, "Description");
  if (description !== undefined) resourceValue(ctx, description, "long");

  const requirements = first(found, "Requirements");
  if (requirements !== undefined) {
    const sets = first(ctx.report.sequence(requirements, [one("Sets", NS.basicTypes)]), "Sets");
    if (sets !== undefined) {
      const defaultVersion = sets.attributes.get("DefaultMinVersion");
      if (defaultVersion !== undefined && !SHORT_VERSION.test(defaultVersion)) {
        ctx.report.add(sets, `DefaultMinVersion="${defaultVersion}" is not a version such as 1.5.`);
      }
      const names = (ctx.report.sequence(sets, [many("Set", NS.basicTypes)]).get("Set") ?? []).map((set) =>
        ctx.report.attribute(set, "Name"),
      );
      if (!names.includes("Mailbox")) ctx.report.add(sets, "does not require the Mailbox set.");
    }
  }

  const surfaces = new Set<string>();
  const hosts = first(found, "Hosts");
  if (hosts !== undefined) {
    for (const host of ctx.report.sequence(hosts, [many("Host", ns)]).get("Host") ?? []) {
      ctx.report.xsiType(host, ["MailHost"]);
      const factors = ctx.report.sequence(host, [
        optional("DesktopFormFactor", ns),
        optional("MobileFormFactor", ns),
      ]);
      const desktop = first(factors, "DesktopFormFactor");
      if (desktop === undefined) ctx.report.add(host, "has no <DesktopFormFactor>.");
      else for (const surface of checkDesktop(ctx, desktop)) surfaces.add(surface);
    }
  }
  for (const surface of COMMAND_SURFACES) {
    if (!surfaces.has(surface))
      ctx.report.add(overrides, `has no ${surface} button that shows the task pane.`);
  }

  const sso = first(found, "WebApplicationInfo");
  if (sso !== undefined) {
    const parts = ctx.report.sequence(sso, [
      one("Id", ns),
      optional("MsaId", ns),
      one("Resource", ns),
      one("Scopes", ns),
      optional("Authorizations", ns),
    ]);
    const id = ctx.report.text(first(parts, "Id"), GUID, "a GUID");
    if (id !== undefined && id.toLowerCase() !== ctx.app.deployment.clientId) {
      ctx.report.add(first(parts, "Id")!, `must be the client id ${ctx.app.deployment.clientId}.`);
    }
    const resource = first(parts, "Resource");
    if (resource !== undefined && textContent(resource).trim() !== ctx.app.apiResource) {
      ctx.report.add(resource, `must be ${ctx.app.apiResource}.`);
    }
    const scopes = first(parts, "Scopes");
    if (scopes !== undefined) {
      for (const scope of ctx.report.sequence(scopes, [many("Scope", ns)]).get("Scope") ?? []) {
        ctx.report.text(scope, /^\S+$/, "a scope name");
      }
    }
  }
}

function checkRule(ctx: Context, rule: XmlElement, appointmentForms: Set<string>): void {
  const type = ctx.report.xsiType(rule, [
    "RuleCollection",
    "ItemIs",
    "ItemHasKnownEntity",
    "ItemHasRegularExpressionMatch",
    "ItemHasAttachment",
  ]);
  if (type === "RuleCollection") {
    ctx.report.attribute(rule, "Mode", /^(And|Or)$/, "And or Or");
    for (const inner of ctx.report.sequence(rule, [many("Rule", NS.officeApp)]).get("Rule") ?? []) {
      checkRule(ctx, inner, appointmentForms);
    }
  } else if (type === "ItemIs") {
    const itemType = ctx.report.attribute(
      rule,
      "ItemType",
      /^(Message|Appointment)$/,
      "Message or Appointment",
    );
    const form = ctx.report.attribute(
      rule,
      "FormType",
      /^(Read|Edit|ReadOrEdit)$/,
      "Read, Edit or ReadOrEdit",
    );
    if (itemType === "Appointment" && form !== undefined) {
      for (const each of form === "ReadOrEdit" ? ["Read", "Edit"] : [form]) appointmentForms.add(each);
    }
  }
}

function checkFormSettings(ctx: Context, settings: XmlElement): void {
  const ns = NS.officeApp;
  for (const form of ctx.report.sequence(settings, [{ ...many("Form", ns), max: 2 }]).get("Form") ?? []) {
    const type = ctx.report.xsiType(form, ["ItemRead", "ItemEdit"]);
    const parts = ctx.report.sequence(form, [
      one("DesktopSettings", ns),
      optional("TabletSettings", ns),
      optional("PhoneSettings", ns),
    ]);
    const desktop = first(parts, "DesktopSettings");
    if (desktop === undefined) continue;
    const slots =
      type === "ItemRead"
        ? [one("SourceLocation", ns), one("RequestedHeight", ns)]
        : [one("SourceLocation", ns)];
    const found = ctx.report.sequence(desktop, slots);
    const source = localeAware(ctx, first(found, "SourceLocation"));
    if (source !== undefined) checkUrl(ctx, first(found, "SourceLocation")!, source);
    const height = ctx.report.text(first(found, "RequestedHeight"), /^\d+$/, "a height in pixels");
    if (height !== undefined && (Number(height) < 32 || Number(height) > 450)) {
      ctx.report.add(first(found, "RequestedHeight")!, "must lie between 32 and 450 pixels.");
    }
  }
}

/**
 * Validates the add-in only manifest offline. No XML schema for it ships on npm, so this checks
 * what Outlook enforces for FieldCoach's manifest: well-formed XML, the OfficeApp (MailApp)
 * element order and counts of Microsoft's schemas, the appointment organizer and attendee command
 * surfaces with a task-pane button and its 16/32/80 icons, resource references, string lengths,
 * AppDomains, Requirements, WebApplicationInfo, and every URL under the base URL. Returns one
 * sentence per problem.
 */
export function validateXmlManifest(xml: string, app: ResolvedApp): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return [`not well-formed XML: ${error.message}`];
    throw error;
  }
  const report = new Report();
  const ctx: Context = { report, app, resources: new Map() };
  const ns = NS.officeApp;
  if (root.localName !== "OfficeApp" || root.namespace !== ns) {
    report.add(root, `the root must be <OfficeApp> in the ${ns} namespace.`);
    return report.problems;
  }
  report.xsiType(root, ["MailApp"]);
  const found = report.sequence(root, [
    one("Id", ns),
    optional("AlternateId", ns),
    one("Version", ns),
    one("ProviderName", ns),
    one("DefaultLocale", ns),
    one("DisplayName", ns),
    one("Description", ns),
    one("IconUrl", ns),
    one("HighResolutionIconUrl", ns),
    one("SupportUrl", ns),
    one("AppDomains", ns),
    one("Hosts", ns),
    one("Requirements", ns),
    one("FormSettings", ns),
    one("Permissions", ns),
    one("Rule", ns),
    optional("DisableEntityHighlighting", ns),
    one("VersionOverrides", NS.versionOverrides10),
  ]);

  const id = report.text(first(found, "Id"), GUID, "a GUID");
  if (id !== undefined && id.toLowerCase() !== app.outlookAddinId)
    report.add(first(found, "Id")!, `must be ${app.outlookAddinId}.`);
  report.text(first(found, "Version"), VERSION, "a version such as 1.0.0.0");
  report.text(first(found, "ProviderName"), /^.{1,125}$/s, "1 to 125 characters");
  report.text(first(found, "DefaultLocale"), CULTURE, "a culture name such as en-US");
  localeAware(ctx, first(found, "DisplayName"), SHORT_STRING);
  localeAware(ctx, first(found, "Description"), LONG_STRING);
  const iconUrl = first(found, "IconUrl");
  if (iconUrl !== undefined) checkIconUrl(ctx, iconUrl, localeAware(ctx, iconUrl), 64);
  const highResolution = first(found, "HighResolutionIconUrl");
  if (highResolution !== undefined) checkIconUrl(ctx, highResolution, localeAware(ctx, highResolution), 128);
  const support = first(found, "SupportUrl");
  const supportUrl = localeAware(ctx, support);
  if (support !== undefined && supportUrl !== undefined) checkUrl(ctx, support, supportUrl);

  const domains = first(found, "AppDomains");
  if (domains !== undefined) {
    for (const domain of report.sequence(domains, [many("AppDomain", ns)]).get("AppDomain") ?? []) {
      const value = textContent(domain).trim();
      if (value !== app.origin) report.add(domain, `"${value}" is not the base URL's origin ${app.origin}.`);
    }
  }
  const hosts = first(found, "Hosts");
  if (hosts !== undefined) {
    const names = (report.sequence(hosts, [many("Host", ns)]).get("Host") ?? []).map((host) =>
      host.attributes.get("Name"),
    );
    if (!names.includes("Mailbox")) report.add(hosts, 'has no <Host Name="Mailbox">.');
  }
  const requirements = first(found, "Requirements");
  if (requirements !== undefined) {
    const sets = first(report.sequence(requirements, [one("Sets", ns)]), "Sets");
    const mailbox = (
      sets === undefined ? [] : (report.sequence(sets, [many("Set", ns)]).get("Set") ?? [])
    ).find((set) => set.attributes.get("Name") === "Mailbox");
    if (sets !== undefined && mailbox === undefined) report.add(sets, "does not require the Mailbox set.");
    if (mailbox !== undefined)
      report.attribute(mailbox, "MinVersion", SHORT_VERSION, "a version such as 1.1");
  }
  const formSettings = first(found, "FormSettings");
  if (formSettings !== undefined) checkFormSettings(ctx, formSettings);
  const permissions = first(found, "Permissions");
  if (permissions !== undefined && !PERMISSIONS.includes(textContent(permissions).trim())) {
    report.add(permissions, `must be one of ${PERMISSIONS.join(", ")}.`);
  }
  const rule = first(found, "Rule");
  if (rule !== undefined) {
    const appointmentForms = new Set<string>();
    checkRule(ctx, rule, appointmentForms);
    for (const form of ["Read", "Edit"]) {
      if (!appointmentForms.has(form)) report.add(rule, `does not activate on appointments in ${form} form.`);
    }
  }
  const outer = first(found, "VersionOverrides");
  if (outer !== undefined) {
    report.xsiType(outer, ["VersionOverridesV1_0"]);
    const inner = first(
      report.sequence(outer, [
        optional("Description", NS.versionOverrides10),
        optional("Requirements", NS.versionOverrides10),
        optional("Hosts", NS.versionOverrides10),
        optional("Resources", NS.versionOverrides10),
        one("VersionOverrides", NS.versionOverrides11),
      ]),
      "VersionOverrides",
    );
    if (inner !== undefined) checkVersionOverrides11(ctx, inner);
  }
  return report.problems;
}
