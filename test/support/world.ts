// A small, realistic world most organisation scenarios start from: a street committee with two
// community branches, each with a secretary, bound group chats and a member or two.
import type { ChatRef } from "../../src/core/incoming.js";
import { codeAfter, joined } from "./replies.js";
import type { TestBot, TestUser } from "./test-bot.js";

export interface World {
  admin: TestUser;
  committee: string;
  branchA: string;
  branchB: string;
  groupA: ChatRef;
  groupB: ChatRef;
  secretaryA: TestUser;
  secretaryB: TestUser;
  /** Member codes by person id. */
  memberCodes: Map<string, string>;
}

export async function expectOk(replies: Promise<unknown>, contains: string): Promise<string> {
  const text = joined((await replies) as never);
  if (!text.includes(contains)) throw new Error(`expected "${contains}" in: ${text}`);
  return text;
}

/** Invites a person into the organisation the secretary acts on, and approves them. */
export async function enrol(
  secretary: TestUser,
  person: TestUser,
  opts: { status?: "正式" | "预备"; joined?: string } = {},
): Promise<string> {
  const invite = codeAfter(await secretary.says("/invite 1 7"), "邀请码：");
  const request = codeAfter(await person.says(`/join ${invite} ${person.name}`), "编号");
  const approved = await secretary.says(
    `/approve ${request} ${opts.status ?? "正式"} ${opts.joined ?? "2010-07-01"}`,
  );
  return codeAfter(approved, "党员编号");
}

export async function buildWorld(bot: TestBot): Promise<World> {
  const admin = bot.user("admin-zhou", "周明");
  const code = bot.app.bootstrapCode;
  if (!code) throw new Error("no bootstrap code");
  await expectOk(admin.says(`/bootstrap ${code}`), "管理员");
  const committee = codeAfter(await admin.says("/org_add 党委 南湖街道党工委"), "代码");
  const branchA = codeAfter(await admin.says(`/org_add 党支部 幸福里社区党支部 ${committee}`), "代码");
  const branchB = codeAfter(await admin.says(`/org_add 党支部 和平里社区党支部 ${committee}`), "代码");
  const memberCodes = new Map<string, string>();

  const secretaries: TestUser[] = [];
  for (const [branch, id, name] of [
    [branchA, "li-jianguo", "李建国"],
    [branchB, "chen-xiuying", "陈秀英"],
  ] as const) {
    await admin.says(`/use ${branch}`);
    const secretary = bot.user(id, name);
    const memberCode = await enrol(admin, secretary, { joined: "1998-07-01" });
    memberCodes.set(id, memberCode);
    await expectOk(admin.says(`/role grant ${memberCode} 书记`), "书记");
    secretaries.push(secretary);
  }
  const [secretaryA, secretaryB] = secretaries as [TestUser, TestUser];
  const groupA = bot.group("xingfuli-group", "幸福里党员群");
  const groupB = bot.group("hepingli-group", "和平里党员群");
  for (const [secretary, group] of [
    [secretaryA, groupA],
    [secretaryB, groupB],
  ] as const) {
    const bindCode = codeAfter(await secretary.says("/bind_code"), "绑定码：");
    await expectOk(secretary.in(group).says(`/bind ${bindCode}`), "已绑定");
  }
  return { admin, committee, branchA, branchB, groupA, groupB, secretaryA, secretaryB, memberCodes };
}

/** The world with the notices its building queued (join requests, approvals) set aside. */
export async function buildQuietWorld(bot: TestBot): Promise<World> {
  const world = await buildWorld(bot);
  await bot.prisma.outboxMessage.deleteMany({});
  return world;
}
