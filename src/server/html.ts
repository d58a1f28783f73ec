/** The few pages the server writes itself (home, privacy, terms, the demo's sign-in picker). */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** A complete page; `body` must already be escaped HTML. Styles live in /pages.css (no inline code). */
export function htmlPage(title: string, body: string, scripts: readonly string[] = []): string {
  const scriptTags = scripts.map((src) => `<script defer src="${escapeHtml(src)}"></script>`).join("\n    ");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="/pages.css" />
    ${scriptTags}
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

export const PAGES_CSS = `:root { color-scheme: light dark; font-family: "Segoe UI", system-ui, sans-serif; }
body { margin: 0; padding: 2rem 1rem; line-height: 1.5; }
main { max-width: 44rem; margin: 0 auto; }
h1 { font-size: 1.6rem; font-weight: 600; }
ul.people { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
ul.people button { width: 100%; text-align: left; padding: 0.6rem 0.8rem; font: inherit; cursor: pointer;
  border: 1px solid GrayText; border-radius: 4px; background: Canvas; color: CanvasText; }
ul.people button:focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
.role { color: GrayText; font-size: 0.9em; }
code { font-family: ui-monospace, monospace; }
`;
