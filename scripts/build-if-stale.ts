/**
 * Run before `npm start`: builds the pages (webpack, production) when dist/web is missing or any file
 * the last build read has changed since, so `npm ci && npm start` works on a fresh machine and a
 * restart after editing the pages serves the edit. The list of files a build read (webpack's own file
 * dependencies) is kept beside the build. A failed build does not stop the server from starting: the
 * pages' addresses then say how to build them, and the API still answers.
 */

import { readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import webpack, { type Configuration, type Stats } from "webpack";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "dist", "web");
const inputsFile = join(outDir, ".build-inputs.json");
const SHELLS = ["tab.html", "outlook.html"];

interface BuildInputs {
  readonly builtAt: number;
  readonly files: readonly string[];
}

async function mtimeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why the pages need building, or undefined when the last build is current. */
async function staleBecause(): Promise<string | undefined> {
  for (const shell of SHELLS) {
    if ((await mtimeOf(join(outDir, shell))) === undefined) return `dist/web/${shell} is missing`;
  }
  let inputs: BuildInputs;
  try {
    inputs = JSON.parse(await readFile(inputsFile, "utf8")) as BuildInputs;
  } catch {
    return "dist/web does not say which sources it was built from";
  }
  for (const file of inputs.files) {
    const mtime = await mtimeOf(file);
    if (mtime === undefined) return `${file} is gone`;
    if (mtime > inputs.builtAt) return `${file.slice(root.length + 1)} changed`;
  }
  return undefined;
}

async function build(): Promise<boolean> {
  const { default: configFor } = (await import(join(root, "webpack.config.js"))) as {
    default: (env: unknown, argv: { mode: string }) => Configuration;
  };
  const builtAt = Date.now();
  const compiler = webpack(configFor({}, { mode: "production" }));
  const stats = await new Promise<Stats | undefined>((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : resolve(result))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats === undefined || stats.hasErrors()) {
    process.stderr.write(
      `${stats?.toString({ all: false, errors: true, colors: false }) ?? "webpack gave no result"}\n`,
    );
    return false;
  }
  const files = [...stats.compilation.fileDependencies].filter(
    (file) => file.startsWith(root) && !file.includes(`${join(root, "node_modules")}`),
  );
  files.push(join(root, "package-lock.json"), join(root, "webpack.config.js"));
  await writeFile(
    inputsFile,
    JSON.stringify({ builtAt, files: [...new Set(files)].sort() } satisfies BuildInputs),
  );
  return true;
}

const why = await staleBecause();
if (why === undefined) {
  process.stdout.write("The pages in dist/web are up to date.\n");
} else {
  process.stdout.write(`Building the pages (${why})…\n`);
  const started = performance.now();
  try {
    if (await build()) {
      process.stdout.write(`Built the pages in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    } else {
      process.stderr.write("The pages did not build; the server starts anyway and its pages say so.\n");
    }
  } catch (error) {
    process.stderr.write(`The pages did not build (${String(error)}); the server starts anyway.\n`);
  }
}
