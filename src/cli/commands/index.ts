import type { Command } from "commander";
import * as template from "./template";

/** Each command module exports a `register(program)`; add yours to this list. */
export const COMMANDS: readonly ((program: Command) => void)[] = [template.register];
