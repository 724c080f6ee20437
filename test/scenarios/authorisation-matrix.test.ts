// Every command × every role: who may run it. A new command fails this test until its expected
// least role is written down here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { ROLES, type Role } from "../../src/core/roles.js";
import { codeAfter, joined } from "../support/replies.js";
import { startTestBot, type TestBot, type TestUser } from "../support/test-bot.js";
import { buildWorld, enrol, type World } from "../support/world.js";

const EXPECTED: Record<string, Role> = {
  help: "anyone",
  whoami: "anyone",
  profile: "anyone",
  lang: "anyone",
  join: "anyone",
  register: "anyone",
  orgs: "anyone",
  use: "anyone",
  bind: "anyone",
  bootstrap: "anyone",
  members: "member",
  settings: "member",
  invite: "secretary",
  requests: "secretary",
  approve: "secretary",
  reject: "secretary",
  role: "secretary",
  transfer: "secretary",
  import: "secretary",
  bind_code: "secretary",
  unbind: "secretary",
  set: "secretary",
  org_add: "secretary",
  meetings: "anyone",
  meeting: "anyone",
  my_attendance: "anyone",
  my_leaves: "anyone",
  home: "anyone",
  exempt: "secretary",
  rank: "anyone",
  link: "anyone",
  attend: "member",
  leave: "member",
  checkin: "member",
  minutes: "member",
  tick: "member",
  schedule: "group_leader",
  edit_meeting: "group_leader",
  cancel_meeting: "group_leader",
  approve_leave: "group_leader",
  reject_leave: "group_leader",
  checkin_code: "group_leader",
  not_checked_in: "group_leader",
  absent: "group_leader",
  close_meeting: "group_leader",
  obligations: "committee_member",
  theme_days: "secretary",
  leaves: "secretary",
  correct: "secretary",
  warnings: "secretary",
  export: "secretary",
  chart: "member",
  evaluation: "secretary",
  eval_items: "committee_member",
  eval_item: "secretary",
  hand_score: "secretary",
  review: "secretary",
  review_submit: "secretary",
  reviews: "committee_member",
  dues_set: "secretary",
  dues_paid: "committee_member",
  dues: "committee_member",
  my_dues: "anyone",
  activity: "secretary",
  activities: "anyone",
  signup: "anyone",
  signup_cancel: "anyone",
  serve_in: "anyone",
  serve_out: "anyone",
  my_service: "anyone",
  service_report: "committee_member",
  wish: "secretary",
  wishes: "anyone",
  claim: "anyone",
  wish_info: "anyone",
  fulfil: "anyone",
  confirm_wish: "secretary",
  household: "member",
  visit: "member",
  households: "member",
  unvisited: "committee_member",
  pause_reminders: "secretary",
  jobs: "org_admin",
  run_job: "org_admin",
  outbox: "org_admin",
};

const REFUSAL = /需要「.+」权限|没有权限/;
const rank = (role: Role) => ROLES.indexOf(role);

describe("authorisation matrix", () => {
  let bot: TestBot;
  let world: World;
  const holders = new Map<Role, TestUser>();

  beforeAll(async () => {
    bot = await startTestBot();
    world = await buildWorld(bot);
    const { secretaryA, admin } = world;
    holders.set("anyone", bot.user("passer-by", "路人甲"));
    holders.set("secretary", secretaryA);
    holders.set("org_admin", admin);
    const group = codeAfter(await secretaryA.says("/org_add 党小组 第一党小组"), "代码");
    for (const [role, id, name, word] of [
      ["member", "m-member", "党员乙", null],
      ["group_leader", "m-leader", "组长丙", "组长"],
      ["committee_member", "m-committee", "委员丁", "委员"],
      ["deputy_secretary", "m-deputy", "副书记戊", "副书记"],
    ] as const) {
      const person = bot.user(id, name);
      const code = await enrol(secretaryA, person);
      if (word)
        await secretaryA.says(`/role grant ${code} ${word}${role === "group_leader" ? ` ${group}` : ""}`);
      holders.set(role, person);
    }
  });
  afterAll(async () => {
    await bot.close();
  });

  it("lists every command", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(commands.map((c) => c.name).sort());
  });

  it("declares on each command the role this matrix expects", () => {
    for (const command of commands) expect(command.role, command.name).toBe(EXPECTED[command.name]);
  });

  for (const role of ROLES) {
    it(`lets a ${role} run exactly the commands at or below their role, in the branch's group`, async () => {
      const person = holders.get(role);
      if (!person) throw new Error(`no holder for ${role}`);
      // unbind changes the chat, so it goes last.
      const ordered = [...commands].sort((a, b) => Number(a.name === "unbind") - Number(b.name === "unbind"));
      for (const command of ordered) {
        const required = EXPECTED[command.name] ?? "org_admin";
        const answer = joined(await person.in(world.groupA).says(`/${command.name}`));
        const refused = REFUSAL.test(answer);
        expect(refused, `${role} → /${command.name}: ${answer}`).toBe(rank(role) < rank(required));
      }
      // Re-bind for the next role.
      const code = codeAfter(await world.secretaryA.says("/bind_code"), "绑定码：");
      await world.secretaryA.in(world.groupA).says(`/bind ${code}`);
    });
  }
});
