// Every command the bot knows. A command not listed here does not exist; the authorisation
// matrix test fails for a command whose expected roles it does not list.
import type { AnyCommand } from "../src/core/command.js";
import { approve } from "./approve.js";
import { bind } from "./bind.js";
import { bindCode } from "./bind-code.js";
import { bootstrap } from "./bootstrap.js";
import { help } from "./help.js";
import { importRoster } from "./import.js";
import { invite } from "./invite.js";
import { join } from "./join.js";
import { language } from "./language.js";
import { members } from "./members.js";
import { orgAdd } from "./org-add.js";
import { orgs } from "./orgs.js";
import { profile } from "./profile.js";
import { register } from "./register.js";
import { reject } from "./reject.js";
import { requests } from "./requests.js";
import { role } from "./role.js";
import { set } from "./set.js";
import { settings } from "./settings.js";
import { transfer } from "./transfer.js";
import { unbind } from "./unbind.js";
import { use } from "./use.js";
import { whoami } from "./whoami.js";

export const commands: readonly AnyCommand[] = [
  help,
  whoami,
  profile,
  language,
  join,
  register,
  orgs,
  use,
  members,
  settings,
  invite,
  requests,
  approve,
  reject,
  role,
  transfer,
  importRoster,
  bindCode,
  bind,
  unbind,
  set,
  orgAdd,
  bootstrap,
];
