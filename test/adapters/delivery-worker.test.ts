import { readFileSync } from "node:fs";
import ical, { type VEvent } from "node-ical";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import { type Reply, replyText } from "../../src/core/reply.js";
import { DeliveryWorker } from "../../src/delivery/delivery-worker.js";
import { RateLimited, type Sender } from "../../src/delivery/sender.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { buildWorld, enrol, type World } from "../support/world.js";

/** A chat platform that records what it was asked to do, and can be told to fail. */
class RecordingSender implements Sender {
  readonly platform = "console" as const;
  readonly log: { chatId: string; text: string; edit?: string }[] = [];
  /** Files posted (a meeting's .ics after its announcement): their name and contents. */
  readonly files: { chatId: string; filename: string; text: string; caption: string }[] = [];
  failuresLeft = 0;
  /** Files fail to upload (a platform or peer that refuses them). */
  failFiles = false;
  /** Runs while a message is "on the wire", to change things between rendering and recording. */
  during: (() => Promise<unknown>) | undefined;

  async send(chatId: string, reply: Reply, opts: { editMessageId?: string }) {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error("network down");
    }
    if (reply.attachment) {
      if (this.failFiles) throw new Error("upload failed");
      const { filename, path } = reply.attachment;
      this.files.push({ chatId, filename, text: readFileSync(path, "utf8"), caption: replyText(reply) });
      return { messageId: `file-${this.files.length}` };
    }
    this.log.push({
      chatId,
      text: replyText(reply),
      ...(opts.editMessageId ? { edit: opts.editMessageId } : {}),
    });
    const during = this.during;
    this.during = undefined;
    await during?.();
    return { messageId: opts.editMessageId ?? `msg-${this.log.length}` };
  }
}

describe("delivering what the bot posts on its own", () => {
  let bot: TestBot;
  let world: World;
  let sender: RecordingSender;
  let worker: DeliveryWorker;
  beforeEach(async () => {
    bot = await startTestBot();
    bot.clock.set("2026-03-02T01:00:00Z");
    world = await buildWorld(bot);
    // The world's own notices (join requests, approvals) are not what these tests are about.
    await bot.prisma.outboxMessage.deleteMany({});
    sender = new RecordingSender();
    worker = new DeliveryWorker(
      bot.app.services,
      new Map([["console", sender]]),
      bot.app.outboxKinds,
      bot.clock,
      silentLogger,
    );
  });
  afterEach(async () => {
    await worker.stop();
    await bot.close();
  });

  it("posts an announcement once, then edits it in place as people respond", async () => {
    const code = (await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章"))
      .map(replyText)
      .join("")
      .match(/\b(H[0-9A-Z]{4})\b/)?.[1];
    await worker.drainOnce();
    expect(sender.log).toHaveLength(1);
    expect(sender.log[0]).toMatchObject({ chatId: "xingfuli-group" });
    expect(sender.log[0]?.text).toContain("报名参加 0");

    await world.secretaryA.says(`/attend ${code}`);
    await worker.drainOnce();
    expect(sender.log).toHaveLength(2);
    expect(sender.log[1]).toMatchObject({ edit: "msg-1" });
    expect(sender.log[1]?.text).toContain("报名参加 1");
    expect(await worker.drainOnce()).toBe(0);
  });

  it("posts the meeting as an .ics file after its announcement, and again when it moves", async () => {
    const code = (await world.secretaryA.schedules("党课 3月5日 下午3点到5点 党员活动室 学习党章"))
      .map(replyText)
      .join("")
      .match(/\b(H[0-9A-Z]{4})\b/)?.[1];
    await worker.drainOnce();
    expect(sender.log).toHaveLength(1);
    expect(sender.files).toHaveLength(1);
    const [file] = sender.files;
    expect(file).toMatchObject({ chatId: "xingfuli-group", filename: `${code}.ics` });
    expect(file?.caption).toContain("【党课】学习党章：点开附件即可加入手机日历");
    const eventIn = (text: string) =>
      Object.values(ical.sync.parseICS(text)).find((c): c is VEvent => c?.type === "VEVENT");
    const first = eventIn(file?.text ?? "");
    expect(first?.start.toISOString()).toBe("2026-03-05T07:00:00.000Z");
    expect(first?.end?.toISOString()).toBe("2026-03-05T09:00:00.000Z");
    expect(String(first?.location)).toBe("党员活动室");

    await world.secretaryA.says(`/edit_meeting ${code} 时间 3月6日 19:30`);
    await worker.drainOnce();
    expect(sender.files).toHaveLength(2);
    const moved = eventIn(sender.files[1]?.text ?? "");
    // The same event (UID) at a higher SEQUENCE: a calendar moves the one already added.
    expect(moved?.uid).toBe(first?.uid);
    expect(Number(moved?.sequence)).toBeGreaterThan(Number(first?.sequence));
    expect(moved?.start.toISOString()).toBe("2026-03-06T11:30:00.000Z");
  });

  it("never holds back an announcement behind a calendar file that cannot be sent", async () => {
    sender.failFiles = true;
    const code = (await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章"))
      .map(replyText)
      .join("")
      .match(/\b(H[0-9A-Z]{4})\b/)?.[1];
    await worker.drainOnce();
    await world.secretaryA.says(`/attend ${code}`);
    await worker.drainOnce();
    expect(sender.log.map((l) => l.text.includes("报名参加 1"))).toEqual([false, true]);
    expect(
      await bot.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "calendar-file" } }),
    ).toMatchObject({
      deadAt: expect.any(Date),
      failure: "gave-up",
    });
  });

  it("retries a failed send later and delivers it exactly once", async () => {
    await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章");
    sender.failuresLeft = 1;
    await worker.drainOnce();
    expect(sender.log).toHaveLength(0);
    expect(await worker.drainOnce()).toBe(0); // not yet due: it backs off
    bot.clock.advanceMinutes(1);
    await worker.drainOnce();
    await worker.drainOnce();
    expect(sender.log).toHaveLength(1);
    const row = await bot.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "announcement" } });
    expect(row).toMatchObject({ attempts: 1, sentAt: expect.any(Date) });
  });

  it("sends the announcement again when someone responds while it is being sent", async () => {
    const code = (await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章"))
      .map(replyText)
      .join("")
      .match(/\b(H[0-9A-Z]{4})\b/)?.[1];
    sender.during = () => world.secretaryA.says(`/attend ${code}`);
    await worker.drainOnce();
    // The first send showed the state before the response; the same drain sends the newer one.
    expect(sender.log.map((l) => l.text.includes("报名参加 0"))).toEqual([true, false]);
    expect(sender.log).toHaveLength(2);
    expect(sender.log[1]).toMatchObject({ edit: "msg-1" });
    expect(sender.log[1]?.text).toContain("报名参加 1");
    expect(await worker.drainOnce()).toBe(0);
  });

  it("sends the announcement again when someone checks in while it is being sent", async () => {
    const wang = bot.user("wang-fang", "王芳");
    await enrol(world.secretaryA, wang);
    const code = (await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章"))
      .map(replyText)
      .join("")
      .match(/\b(H[0-9A-Z]{4})\b/)?.[1];
    await worker.drainOnce();
    bot.clock.set("2026-03-05T06:50:00Z"); // check-in is open
    await world.secretaryA.says(`/checkin ${code}`);
    // 王芳 checks in while the edit showing the first check-in is on its way.
    sender.during = () => wang.says(`/checkin ${code}`);
    await worker.drainOnce();
    expect(sender.log.at(-2)?.text).toContain("已签到 1");
    expect(sender.log.at(-1)?.text).toContain("已签到 2");
    expect(await worker.drainOnce()).toBe(0);
  });

  it("waits as long as the platform asks after a 429, without counting it as a failure", async () => {
    await world.secretaryA.schedules("党课 3月5日 15:00 党员活动室 学习党章");
    const limited = new (class implements Sender {
      readonly platform = "console" as const;
      calls = 0;
      async send(_chat: string, reply: Reply) {
        if (reply.attachment) return { messageId: "file" };
        this.calls += 1;
        if (this.calls === 1) throw new RateLimited(3_000);
        return { messageId: "ok" };
      }
    })();
    const w = new DeliveryWorker(
      bot.app.services,
      new Map([["console", limited]]),
      bot.app.outboxKinds,
      bot.clock,
      silentLogger,
    );
    await w.drainOnce();
    bot.clock.advance(2_000);
    expect(await w.drainOnce()).toBe(0);
    bot.clock.advance(1_000);
    await w.drainOnce();
    expect(limited.calls).toBe(2);
    expect(
      await bot.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "announcement" } }),
    ).toMatchObject({
      attempts: 0,
      sentAt: expect.any(Date),
    });
  });
});
