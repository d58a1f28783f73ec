import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { InputError } from "../domain/input-error.ts";
import { UsageError } from "./cli-io.ts";

/** Reads and parses a JSON file, turning every failure into one sentence that names the file. */
export async function readJsonFile(path: string, cwd: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : "it cannot be read";
    throw new UsageError(`Cannot read ${path}: ${why}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}.`);
  }
}

/**
 * Runs a parse of one file's content and rewrites an InputError as a sentence naming the file and
 * the JSON path, so the user knows exactly where to look.
 */
export function parseFileContent<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${path} at ${error.path}: ${error.detail}.`);
    throw error;
  }
}
