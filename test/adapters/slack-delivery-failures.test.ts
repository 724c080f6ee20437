// What happens to a message Slack refuses, end to end through the real Slack sender (its own
// WebClient, no retries) against a fake that answers Slack's error codes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textReply } from "../../src/core/reply.js";
import type { DeliveryWorker } from "../../src/delivery/delivery-worker.js";
import { deliveryWorkerFor, slackSenderFor } from "../support/fake-senders.js";
import { FakeSlack } from "../support/fake-slack.js";
import { joined } from "../support/replies.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildQuietWorld, enrol, type World } from "../support/world.js";

describe("messages Slack refuses", () => {
  let bot: TestBot;
  let world: World;
  let fake: FakeSlack;
  let worker: DeliveryWorker;
  const postsTo = (channel: string) =>
    fake.called("chat.postMessage").filter((c) => c.params.channel === channel);

  beforeEach(async () => {
    bot = await startTestBot({ platform: "slack" });
    bot.clock.set("2026-03-02T01:00:00Z");
    world = await buildQuietWorld(bot);
    fake = new FakeSlack();
    fake.enforceLimits = true;
    fake.latencyMs = 20;
    await fake.start();
    worker = deliveryWorkerFor(bot, "slack", slackSenderFor(fake, bot.app.i18n.translator("zh-CN")));
  });
  afterEach(async () => {
    await worker.stop();
    await fake.stop();
    await bot.close();
  });

  it.each([["is_archived"], ["not_in_channel"], ["channel_not_found"]])(
    "unbinds a channel Slack answers %s for, after one attempt, and tells the secretary once",
    async (error) => {
      if (error === "is_archived") fake.archivedChannels.add("xingfuli-group");
      else if (error === "not_in_channel") fake.outsideChannels.add("xingfuli-group");
      else fake.missingChannels.add("xingfuli-group");
      await world.secretaryA.in(world.groupA).schedules("支委会 3月6日 19:30 党员活动室 研究三月工作");
      await worker.drainOnce();
      bot.clock.advanceMinutes(60);
      await worker.drainOnce();
      expect(postsTo("xingfuli-group")).toHaveLength(1);
      expect(
        await bot.prisma.chat.findFirstOrThrow({ where: { externalId: "xingfuli-group" } }),
      ).toMatchObject({
        organizationId: null,
        goneAt: expect.any(Date),
      });
      const told = postsTo("li-jianguo");
      expect(told).toHaveLength(1);
      expect(String(told[0]?.params.text)).toContain("解除绑定");
    },
  );

  it("marks a person Slack cannot reach, and the secretary sees it in /members", async () => {
    const wang = bot.user("wang-fang", "王芳");
    await enrol(world.secretaryA, wang);
    await bot.prisma.outboxMessage.deleteMany({});
    fake.missingUsers.add("wang-fang");
    const person = await bot.prisma.person.findFirstOrThrow({ where: { displayName: "王芳" } });
    await bot.app.services.transaction((s) =>
      s.outbox.toPerson(person.id, textReply("提醒：本月党费尚未登记交纳。"), { now: bot.clock.now() }),
    );
    await worker.drainOnce();
    expect(postsTo("wang-fang")).toHaveLength(1);
    expect(await bot.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ failure: "unreachable" });
    expect(joined(await world.secretaryA.says("/members"))).toContain("王芳");
  });

  it("does not retry content Slack refuses", async () => {
    fake.failNextPostsWith("invalid_blocks");
    await bot.app.services.transaction((s) =>
      s.outbox.toChat({ platform: "slack", chatId: "xingfuli-group" }, textReply("【通知】周五下午学习"), {
        now: bot.clock.now(),
      }),
    );
    await worker.drainOnce();
    bot.clock.advanceMinutes(60);
    await worker.drainOnce();
    expect(postsTo("xingfuli-group")).toHaveLength(1);
    expect(await bot.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ failure: "rejected" });
  });
});
