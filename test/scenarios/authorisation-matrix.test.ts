// Every command × every role: who may run it. A new command fails this test until its expected
// least role is written down here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { ROLES, type Role } from "../../src/core/roles.js";
import { codeAfter, codeIn, joined } from "../support/replies.js";
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
  approve_register: "secretary",
  reject_register: "secretary",
  accept_transfer: "secretary",
  decline_transfer: "secretary",
  role: "secretary",
  transfer: "secretary",
  import: "secretary",
  bind_code: "secretary",
  unbind: "secretary",
  set: "secretary",
  org_add: "secretary",
  meetings: "anyone",
  calendar: "anyone",
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
  confirm_schedule: "group_leader",
  change_schedule: "group_leader",
  series: "member",
  edit_series: "group_leader",
  end_series: "group_leader",
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
  ledger: "anyone",
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
  develop: "committee_member",
  pipeline: "committee_member",
  dev_file: "anyone",
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

// Paths a role alone does not decide: who may act on a request depends on whose request it is and
// where it is going. Each row is one attempt and whether it must be refused.
describe("authorisation matrix: requests decided by the other side", () => {
  let bot: TestBot;
  let world: World;
  let member: TestUser;
  const codes = { wish: "", registration: "", transfer: "", leave: "", memberCode: "" };

  beforeAll(async () => {
    bot = await startTestBot();
    bot.clock.set("2026-03-02T01:00:00Z");
    world = await buildWorld(bot);
    member = bot.user("xu-ming", "许明");
    codes.memberCode = await enrol(world.secretaryA, member);
    codes.wish = codeIn(
      joined(await world.secretaryB.says("/wish 陪同就医 | 和平里2号楼 王奶奶 13903150033")),
      "W",
    );
    codes.registration = codeIn(joined(await member.says(`/register ${world.branchB}`)), "R");
    const meeting = codeIn(
      joined(await world.secretaryA.schedules("党课 3月10日 15:00 党员活动室 学习党章")),
      "H",
    );
    codes.leave = codeAfter(await world.secretaryA.says(`/leave ${meeting} 去区里参加培训`), "申请（");
  });
  afterAll(async () => {
    await bot.close();
  });

  const cases: [string, () => TestUser, () => string, RegExp | null][] = [
    [
      "a member awaiting registration claims a community's wish",
      () => member,
      () => `/claim ${codes.wish}`,
      /不属于您的支部或您报到的社区/,
    ],
    [
      "a member awaiting registration reads the resident's details",
      () => member,
      () => `/wish_info ${codes.wish}`,
      /^(?![\s\S]*王奶奶)/,
    ],
    [
      "the member's own branch approves a registration at another community",
      () => world.secretaryA,
      () => `/approve_register ${codes.registration}`,
      /没有权限|权限/,
    ],
    [
      "the member approves their own registration",
      () => member,
      () => `/approve_register ${codes.registration}`,
      /权限/,
    ],
    [
      "a secretary approves their own leave",
      () => world.secretaryA,
      () => `/approve_leave ${codes.leave}`,
      /不能审批自己的请假/,
    ],
    [
      "the community's secretary approves the registration",
      () => world.secretaryB,
      () => `/approve_register ${codes.registration}`,
      null,
    ],
    ["the member, now registered, claims the wish", () => member, () => `/claim ${codes.wish}`, null],
  ];
  for (const [why, who, says, refused] of cases)
    it(`${refused ? "refuses" : "allows"}: ${why}`, async () => {
      const answer = joined(await who().says(says()));
      if (refused) expect(answer, answer).toMatch(refused);
      else expect(answer, answer).not.toMatch(/权限|不属于|不能|找不到/);
    });

  it("refuses a transfer's acceptance to everyone but the receiving branch", async () => {
    codes.transfer = codeIn(
      joined(await world.secretaryA.says(`/transfer ${codes.memberCode} ${world.branchB}`)),
      "T",
    );
    for (const who of [world.secretaryA, member])
      expect(joined(await who.says(`/accept_transfer ${codes.transfer}`))).toMatch(/找不到编号为|权限/);
    expect(joined(await member.says("/profile"))).toContain("支部：幸福里社区党支部");
    expect(joined(await world.secretaryB.says(`/accept_transfer ${codes.transfer}`))).toContain(
      "已接收 许明",
    );
  });
});
