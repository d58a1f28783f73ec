import { type CliIO, EXIT_BAD_INPUT, EXIT_FAILURE, UsageError } from "./cli-io.ts";

type Command = (args: string[], io: CliIO) => Promise<number>;

// Commands load on demand so that `fieldcoach classify` does not pay for the simulator's imports.
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  classify: {
    summary: "classify a manager's calendar: who initiated each meeting with their reps, and of what kind",
    load: async () => (await import("./classify-command.ts")).classifyCommand,
  },
  suggest: {
    summary: "suggest field-day blocks for the reps who are due",
    load: async () => (await import("./suggest-command.ts")).suggestCommand,
  },
  "demo-data": {
    summary: "write the seeded demo tenant as Graph-shaped files",
    load: async () => (await import("./demo-data-command.ts")).demoDataCommand,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`);
  return `Usage: fieldcoach <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun fieldcoach <command> --help for a command's options.\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.stdout(usage());
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`Unknown command "${name}". Run fieldcoach --help for the list.\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`fieldcoach ${name} failed unexpectedly: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
}
