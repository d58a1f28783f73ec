#!/usr/bin/env node
// The command line runs the TypeScript sources directly: Node 24 strips types natively,
// so a checkout needs no build step before `npx fieldcoach`.
import { main } from "../src/cli/main.ts";

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
