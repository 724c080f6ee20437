// Test setup for scale scenarios: many members who use the bot, made directly in the database
// (enrolling hundreds through the chat would only slow the test down, not test more).
import type { TestBot, TestUser } from "./test-bot.js";

export async function addLinkedMembers(
  bot: TestBot,
  branchId: string,
  count: number,
  prefix = "m",
): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${i}`;
    const name = `党员${prefix}${i}`;
    const person = await bot.prisma.person.create({
      data: {
        displayName: name,
        accounts: { create: { platform: "console", externalId: id, displayName: name } },
      },
    });
    await bot.prisma.member.create({
      data: {
        code: `M${prefix.toUpperCase()}${String(i).padStart(4, "0")}`.slice(0, 8),
        name,
        status: i % 10 === 9 ? "probationary" : "full",
        organizationId: branchId,
        personId: person.id,
      },
    });
    users.push(bot.user(id, name));
  }
  return users;
}
