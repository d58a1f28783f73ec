import type { Page } from "playwright-core";

/**
 * Opens `path` (the tab by default) and signs in through the demo's "sign in as" picker as the person
 * with this display name, optionally with the administrator role, then waits for the page's header.
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  name: string,
  options: { readonly admin?: boolean; readonly path?: string } = {},
): Promise<void> {
  await page.goto(`${baseUrl}${options.path ?? "/tab"}`);
  await page.getByRole("heading", { name: "Sign in to the FieldCoach demo" }).waitFor();
  if (options.admin === true) await page.getByRole("switch", { name: /administrator role/ }).check();
  await page.getByRole("button", { name: new RegExp(`^${escapeRegExp(name)} `) }).click();
  await page.getByRole("button", { name: `Signed in as ${name}` }).waitFor();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
