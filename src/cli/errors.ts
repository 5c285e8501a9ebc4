/** Exit code for bad input (file, row, column named in the message). */
export const EXIT_BAD_INPUT = 2;

/** An error the CLI reports as a plain message, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_BAD_INPUT,
  ) {
    super(message);
    this.name = "CliError";
  }
}
