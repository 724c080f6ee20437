// Every command the bot knows. A command not listed here does not exist.
import type { AnyCommand } from "../src/core/command.js";
import { help } from "./help.js";
import { language } from "./language.js";
import { whoami } from "./whoami.js";

export const commands: readonly AnyCommand[] = [help, whoami, language];
