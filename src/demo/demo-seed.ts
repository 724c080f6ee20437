// The demo world for `npm run demo`: a street committee with two community branches, their party
// groups and 30 members, built through the same services the commands use (import, join,
// approve, grant, bind), so the demo shows real behaviour. Idempotent: an existing demo is kept.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Platform } from "../core/incoming.js";
import type { ServiceScope } from "../service-scope.js";
import type { Services } from "../services.js";

export const DEMO_COMMITTEE = "南湖街道党工委";
export const DEMO_SECRETARY = { id: "lijianguo", name: "李建国", chat: "幸福里党员群" };

interface DemoBranch {
  name: string;
  chat: string;
  groups: string[];
  /** name, status, joined, phone, group index; the first rows are people who use the bot. */
  roster: [string, "正式" | "预备", string, string, number][];
  /** console account → roster name, and the role they hold. */
  people: {
    account: string;
    name: string;
    role?: "secretary" | "deputy_secretary" | "committee_member" | "group_leader";
    group?: number;
  }[];
}

const BRANCHES: DemoBranch[] = [
  {
    name: "幸福里社区党支部",
    chat: "幸福里党员群",
    groups: ["第一党小组", "第二党小组"],
    roster: [
      ["李建国", "正式", "1998-07-01", "13803150001", 0],
      ["王芳", "正式", "2008-06-18", "13803150002", 0],
      ["张伟", "正式", "2003-11-05", "13803150003", 1],
      ["刘洋", "预备", "2025-12-01", "13803150004", 1],
      ["陈静", "正式", "1995-05-04", "13803150005", 0],
      ["杨秀兰", "正式", "1976-03-12", "13803150006", 0],
      ["赵磊", "正式", "2012-09-20", "13803150007", 1],
      ["黄丽", "正式", "2016-07-01", "13803150008", 1],
      ["周强", "正式", "1989-10-01", "13803150009", 0],
      ["吴敏", "正式", "2001-04-23", "13803150010", 1],
      ["徐明", "正式", "1985-08-15", "13803150011", 0],
      ["孙红梅", "正式", "1992-12-26", "13803150012", 1],
      ["马俊", "预备", "2025-11-04", "13803150013", 0],
      ["朱玉兰", "正式", "1972-01-08", "13803150014", 1],
      ["胡海波", "正式", "2010-11-11", "13803150015", 0],
    ],
    people: [
      { account: "lijianguo", name: "李建国", role: "secretary" },
      { account: "wangfang", name: "王芳", role: "group_leader", group: 0 },
      { account: "zhangwei", name: "张伟", role: "committee_member" },
      { account: "liuyang", name: "刘洋" },
    ],
  },
  {
    name: "和平里社区党支部",
    chat: "和平里党员群",
    groups: ["第一党小组", "第二党小组"],
    roster: [
      ["陈秀英", "正式", "1990-07-01", "13903150001", 0],
      ["郭志强", "正式", "2005-03-15", "13903150002", 0],
      ["何平", "正式", "1999-06-30", "13903150003", 1],
      ["高峰", "正式", "2011-10-10", "13903150004", 1],
      ["林静", "预备", "2025-09-15", "13903150005", 0],
      ["罗建华", "正式", "1982-02-18", "13903150006", 0],
      ["郑华", "正式", "1994-09-09", "13903150007", 1],
      ["梁晨", "正式", "2014-05-20", "13903150008", 1],
      ["谢玉梅", "正式", "1979-11-30", "13903150009", 0],
      ["宋涛", "正式", "2007-07-07", "13903150010", 1],
      ["唐红", "正式", "1996-04-01", "13903150011", 0],
      ["许文斌", "正式", "2002-08-08", "13903150012", 1],
      ["韩雪", "预备", "2025-10-01", "13903150013", 0],
      ["冯德明", "正式", "1968-06-01", "13903150014", 1],
      ["邓丽君", "正式", "2009-12-12", "13903150015", 0],
    ],
    people: [
      { account: "chenxiuying", name: "陈秀英", role: "secretary" },
      { account: "guozhiqiang", name: "郭志强", role: "deputy_secretary" },
    ],
  },
];

/** Seeds the demo unless it exists; returns true when it seeded. */
export async function seedDemo(
  scope: ServiceScope,
  now: Date,
  platform: Platform = "console",
): Promise<boolean> {
  const dir = mkdtempSync(path.join(tmpdir(), "party-bot-demo-"));
  try {
    return await scope.transaction(async (s) => {
      const admin = await s.identity.ensurePerson({ platform, id: "admin", displayName: "周明" });
      const existing = await s.orgs.visibleTree(admin.id);
      if (existing.some((node) => node.org.name === DEMO_COMMITTEE)) return false;
      await s.access.grantInstallationAdmin(admin.id);
      const committee = await s.orgs.create(
        admin.id,
        { kind: "committee", name: DEMO_COMMITTEE, parent: null },
        now,
      );
      for (const branch of BRANCHES) await seedBranch(s, admin.id, committee, branch, dir, now, platform);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seedBranch(
  s: Services,
  adminId: string,
  committee: Awaited<ReturnType<Services["orgs"]["create"]>>,
  spec: DemoBranch,
  dir: string,
  now: Date,
  platform: Platform,
): Promise<void> {
  const branch = await s.orgs.create(adminId, { kind: "branch", name: spec.name, parent: committee }, now);
  const groups = [];
  for (const name of spec.groups)
    groups.push(await s.orgs.create(adminId, { kind: "group", name, parent: branch }, now));

  const file = path.join(dir, `${spec.name}.csv`);
  const lines = spec.roster.map(([name, status, joined, phone, group]) =>
    [name, status, joined, phone, spec.groups[group]].join(","),
  );
  writeFileSync(file, ["姓名,类别,入党时间,手机号,党小组", ...lines].join("\n"));
  const imported = await s.membership.importRoster(
    adminId,
    branch,
    { filename: "roster.csv", path: file },
    { goodRowsOnly: false, timeZone: await s.zones.of(branch.id) },
    now,
  );
  if (imported.errors.length > 0)
    throw new Error(`demo roster of ${spec.name} has errors: ${JSON.stringify(imported.errors)}`);

  // People who use the bot join with an invitation, which links them to their roster entry.
  const invite = await s.membership.createInvite(
    adminId,
    branch,
    { maxUses: spec.people.length, days: 30 },
    now,
  );
  for (const person of spec.people) {
    const who = await s.identity.ensurePerson({ platform, id: person.account, displayName: person.name });
    const { request } = await s.membership.join(who.id, invite.code, person.name, now);
    await s.membership.approve(adminId, request.code, { joinedPartyOn: null }, now);
    if (person.role) {
      const org = person.role === "group_leader" ? (groups[person.group ?? 0] ?? branch) : branch;
      await s.access.grant(adminId, { personId: who.id, org }, person.role);
    }
  }
  const { code } = await s.chats.createBindCode(adminId, branch, now);
  await s.chats.bind(adminId, { platform, id: spec.chat, kind: "group", title: spec.chat }, code, now);
}
