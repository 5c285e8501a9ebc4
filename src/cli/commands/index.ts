import type { Command } from "commander";
import * as consolidate from "./consolidate";
import * as plan from "./plan";
import * as track from "./track";
import * as reforecast from "./reforecast";
import * as toursCommand from "./tours";
import * as template from "./template";
import * as migrate from "./migrate";
import * as serve from "./serve";
import * as tokens from "./tokens";
import * as users from "./users";
import * as sync from "./sync";
import * as demo from "./demo";
import * as team from "./team";

/** Each command module exports a `register(program)`; add yours to this list. */
export const COMMANDS: readonly ((program: Command) => void)[] = [
  plan.register,
  track.register,
  reforecast.register,
  consolidate.register,
  toursCommand.register,
  template.register,
  serve.register,
  migrate.register,
  users.register,
  tokens.register,
  sync.register,
  demo.register,
  team.register,
];
