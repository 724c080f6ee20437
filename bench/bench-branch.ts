// The branch the chat benchmarks start from, made directly in the database: an administrator, a
// branch 压测党支部 (code BENCH) with one bound chat, and members who use the bot on a platform.
import type { App } from "../src/app.js";

export async function seedBenchBranch(
  app: App,
  opts: {
    platform: "console" | "telegram";
    chatId: string;
    members: number;
    accountOf: (i: number) => string;
  },
): Promise<{ adminId: string; branchId: string }> {
  const prisma = app.db.prisma;
  const admin = await prisma.person.create({
    data: { displayName: "管理员", accounts: { create: { platform: "console", externalId: "bench-admin" } } },
  });
  await prisma.roleAssignment.create({
    data: { personId: admin.id, organizationId: null, role: "org_admin" },
  });
  const branch = await prisma.organization.create({
    data: { code: "BENCH", kind: "branch", name: "压测党支部" },
  });
  await prisma.chat.create({
    data: { platform: opts.platform, externalId: opts.chatId, organizationId: branch.id },
  });
  for (let i = 0; i < opts.members; i += 200) {
    const batch = Array.from({ length: Math.min(200, opts.members - i) }, (_, k) => i + k);
    await prisma.$transaction(async (tx) => {
      for (const n of batch) {
        const person = await tx.person.create({
          data: {
            displayName: `党员${n}`,
            accounts: { create: { platform: opts.platform, externalId: opts.accountOf(n) } },
          },
        });
        await tx.member.create({
          data: {
            code: `MB${String(n).padStart(5, "0")}`,
            name: `党员${n}`,
            status: "full",
            organizationId: branch.id,
            personId: person.id,
          },
        });
      }
    });
  }
  return { adminId: admin.id, branchId: branch.id };
}
