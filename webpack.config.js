// Builds the pages: the Teams tab and the Outlook task pane, one entry each, with route-level chunks
// split off so the first page loads only what it shows. The server and CLI run from source and need no build.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));

/** One HTML shell per entry, listing the entry's initial chunks; Office.js comes first for the panel. */
const PAGES = {
  tab: { title: "FieldCoach", head: "" },
  outlook: {
    title: "FieldCoach for Outlook",
    // Microsoft requires add-ins to load Office.js from its CDN; outside Office it resolves with a null host.
    head: '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
  },
};

class HtmlShellPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HtmlShellPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HtmlShellPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          for (const [name, page] of Object.entries(PAGES)) {
            const entry = compilation.entrypoints.get(name);
            if (entry === undefined) continue;
            const scripts = entry
              .getFiles()
              .filter((file) => file.endsWith(".js"))
              .map((file) => `<script defer src="/static/${file}"></script>`)
              .join("\n    ");
            const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${page.title}</title>
    ${page.head}
    ${scripts}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
            compilation.emitAsset(`${name}.html`, new compiler.webpack.sources.RawSource(html));
          }
        },
      );
    });
  }
}

const ENTRIES = {
  tab: resolve(root, "src/teams/main.tsx"),
  outlook: resolve(root, "src/outlook/main.tsx"),
};

/**
 * `--env pages=tab` builds only some pages and `--env outDir=...` writes them elsewhere: the browser tests
 * build what they test into a temporary folder, leaving dist/web to `npm run build`.
 */
export default (env = {}, argv) => {
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    target: "web",
    entry:
      typeof env.pages === "string"
        ? Object.fromEntries(env.pages.split(",").map((name) => [name, ENTRIES[name]]))
        : ENTRIES,
    output: {
      path: typeof env.outDir === "string" ? resolve(env.outDir) : resolve(root, "dist/web"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "/static/",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      // Sources import with explicit .ts/.tsx extensions (Node's type stripping needs them).
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          loader: "esbuild-loader",
          options: { target: "es2022", jsx: "automatic" },
          exclude: /node_modules/,
        },
      ],
    },
    optimization: {
      splitChunks: { chunks: "all" },
      runtimeChunk: "single",
    },
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    performance: { hints: false },
    plugins: [new HtmlShellPlugin()],
  };
};
