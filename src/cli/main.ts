import { Command } from "commander";
import { COMMANDS } from "./commands/index";
import { CliError, EXIT_BAD_INPUT } from "./errors";

/** Builds the `cadence` program; exported so tests can drive it without a child process. */
export function buildProgram(): Command {
  const program = new Command("cadence")
    .description("Cadence: plan and steer field sales commercial intensity")
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error: unknown) {
    if (error instanceof CliError) {
      process.stderr.write(`cadence: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof Error && "exitCode" in error && typeof error.exitCode === "number") {
      // commander already printed its own message (help, unknown option…).
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    process.stderr.write(
      `cadence: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

// `tsx src/cli/main.ts` (npm run cadence) runs this file directly; bin/cadence.js calls main itself.
if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
