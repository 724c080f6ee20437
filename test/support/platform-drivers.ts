// Drivers that let one scripted conversation run through each adapter: the console (the router
// directly), Telegram (webhook updates to the real grammY bot, a local Bot API server) and Slack
// (signed slash commands to the real Bolt receiver, a local Web API). Each answers what the bot
// said back, as text.
import { webhookCallback } from "grammy";
import { createSlackApp, SLACK_EVENTS_PATH } from "../../src/adapters/slack/slack-app.js";
import { createTelegramBot } from "../../src/adapters/telegram/telegram-bot.js";
import { silentLogger } from "../../src/core/logger.js";
import { replyText } from "../../src/core/reply.js";
import { type HttpServer, startHttpServer } from "../../src/http/health-server.js";
import { FakeSlack } from "./fake-slack.js";
import { FakeTelegram } from "./fake-telegram.js";
import type { TestBot } from "./test-bot.js";

export interface Driver {
  says(person: number, text: string, where: "private" | "group"): Promise<string>;
  stop(): Promise<void>;
}

export const PEOPLE = ["周明", "李建国", "王芳"];

export function consoleDriver(bot: TestBot): Driver {
  return {
    async says(person, text, where) {
      const name = PEOPLE[person] ?? "";
      const chat =
        where === "private"
          ? { platform: "console" as const, id: `dm:p${person}`, kind: "private" as const }
          : bot.group("party-group");
      const replies = await bot.send({
        user: { platform: "console", id: `p${person}`, displayName: name },
        chat,
        payload: { type: "text", text },
      });
      return replies.map(replyText).join("\n");
    },
    stop: async () => undefined,
  };
}

export async function telegramDriver(bot: TestBot): Promise<Driver> {
  const fake = new FakeTelegram();
  await fake.start();
  const { bot: grammy } = createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    botInfo: fake.botUser as never,
    secret: "s",
    handle: (incoming) => bot.app.handle(incoming),
    files: bot.app.files,
    t: bot.app.i18n.translator("zh-CN"),
    logger: silentLogger,
  });
  const http: HttpServer = await startHttpServer(
    "127.0.0.1",
    0,
    { accepting: true, ping: async () => undefined },
    new Map([["/tg", webhookCallback(grammy, "http")]]),
  );
  return {
    async says(person, text, where) {
      const from = { id: 5000 + person, is_bot: false, first_name: PEOPLE[person] ?? "" };
      const chat =
        where === "private"
          ? { id: from.id, type: "private", first_name: from.first_name }
          : { id: -100777, type: "supergroup", title: "party-group" };
      const before = fake.calls.length;
      await fetch(`http://127.0.0.1:${http.port}/tg`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(fake.push({ message: { message_id: 1, date: 0, chat, from, text } } as never)),
      });
      return fake.calls
        .slice(before)
        .map((c) => String(c.params.text ?? c.params.caption ?? ""))
        .join("\n")
        .replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">")
        .replaceAll("&amp;", "&");
    },
    async stop() {
      await http.close();
      await fake.stop();
    },
  };
}

export async function slackDriver(bot: TestBot): Promise<Driver> {
  const fake = new FakeSlack();
  await fake.start();
  const slack = createSlackApp({
    identity: fake.identity,
    botToken: fake.botToken,
    signingSecret: fake.signingSecret,
    apiUrl: `${fake.url}/api/`,
    secret: "s",
    handle: (incoming) => bot.app.handle(incoming),
    files: bot.app.files,
    t: bot.app.i18n.translator("zh-CN"),
    logger: silentLogger,
  });
  const listener = slack.receiver.requestListener;
  if (!listener) throw new Error("no receiver");
  const http = await startHttpServer(
    "127.0.0.1",
    0,
    { accepting: true, ping: async () => undefined },
    new Map([[SLACK_EVENTS_PATH, listener]]),
  );
  let n = 0;
  return {
    async says(person, text, where) {
      n += 1;
      const channel =
        where === "private"
          ? { id: `D0P${person}`, name: "directmessage" }
          : { id: "C0PARTY", name: "party-group" };
      const body = new URLSearchParams({
        team_id: "T0",
        channel_id: channel.id,
        channel_name: channel.name,
        user_id: `U0P${person}`,
        user_name: PEOPLE[person] ?? "",
        command: "/party",
        text: text.replace(/^\//, ""),
        response_url: `${fake.url}/respond/${n}`,
        trigger_id: `t-${n}`,
      }).toString();
      await fetch(`http://127.0.0.1:${http.port}${SLACK_EVENTS_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...fake.sign(body) },
        body,
      });
      // The answer comes after the acknowledgement, at this command's response URL.
      return (await fake.responses(`/respond/${n}`)).map((c) => String(c.params.text ?? "")).join("\n");
    },
    async stop() {
      await http.close();
      await fake.stop();
    },
  };
}
