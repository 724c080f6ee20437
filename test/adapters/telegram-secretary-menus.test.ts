// A secretary's Telegram menu is published for them once per group; a member is looked at again
// only after a while; a failure to publish is tried again on their next message.
import type { Context } from "grammy";
import { describe, expect, it } from "vitest";
import { secretaryMenus } from "../../src/adapters/telegram/secretary-menus.js";
import type { ChatRef, UserRef } from "../../src/core/incoming.js";
import { silentLogger } from "../../src/core/logger.js";

const wangFang: UserRef = { platform: "telegram", id: "42", displayName: "王芳" };
const group: ChatRef = { platform: "telegram", id: "-100777", kind: "group", title: "幸福里党支部" };
const ctx = { chat: { id: -100777 }, from: { id: 42 }, api: {} } as unknown as Context;

function menusWith(level: () => "member" | "secretary", publish: () => Promise<void>) {
  let wall = 0;
  const asked: number[] = [];
  const menus = secretaryMenus({
    menuLevel: async () => {
      asked.push(wall);
      return level();
    },
    publish,
    logger: silentLogger,
    wall: () => wall,
  });
  return { menus, asked, at: (ms: number) => (wall = ms) };
}

describe("a secretary's menu in a group", () => {
  it("is published once for a secretary, however often they speak", async () => {
    let published = 0;
    const { menus, at } = menusWith(
      () => "secretary",
      async () => {
        published++;
      },
    );
    for (const ms of [0, 1_000, 3_600_000]) {
      at(ms);
      await menus.offer(ctx, wangFang, group);
    }
    expect(published).toBe(1);
  });

  it("looks at a member again only after ten minutes", async () => {
    const { menus, asked, at } = menusWith(
      () => "member",
      async () => undefined,
    );
    for (const ms of [0, 60_000, 599_000, 600_001]) {
      at(ms);
      await menus.offer(ctx, wangFang, group);
    }
    expect(asked).toEqual([0, 600_001]);
  });

  it("tries again on the next message when Telegram refused to publish", async () => {
    let tries = 0;
    const { menus, at } = menusWith(
      () => "secretary",
      async () => {
        tries++;
        if (tries === 1) throw new Error("Bad Gateway");
      },
    );
    at(0);
    await menus.offer(ctx, wangFang, group);
    at(1_000);
    await menus.offer(ctx, wangFang, group);
    at(2_000);
    await menus.offer(ctx, wangFang, group);
    expect(tries).toBe(2);
  });
});
