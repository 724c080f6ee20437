// Drivers that let one scripted conversation run through each adapter: the console (the router
// directly), Telegram (webhook updates to the real grammY bot, a local Bot API server) and Slack
// (signed slash commands to the real Bolt receiver, a local Web API). Each answers what the bot
// said back, as text.
import { webhookCallback } from "grammy";
import { createSlackApp, SLACK_EVENTS_PATH } from "../../src/adapters/slack/slack-app.js";
import { createTelegramBot } from "../../src/adapters/telegram/telegram-bot.js";
import type { Incoming } from "../../src/core/incoming.js";
import { silentLogger } from "../../src/core/logger.js";
import { type Reply, replyText } from "../../src/core/reply.js";
import { type HttpServer, startHttpServer } from "../../src/http/health-server.js";
import { FakeSlack, type SlackCall } from "./fake-slack.js";
import { FakeTelegram } from "./fake-telegram.js";
import { blockActionsPayload } from "./slack-payloads.js";
import type { TestBot } from "./test-bot.js";

export interface Driver {
  says(person: number, text: string, where: "private" | "group"): Promise<string>;
  /** Presses the button with this label in what the bot last answered, as the person, there. */
  presses(person: number, label: string, where: "private" | "group"): Promise<string>;
  stop(): Promise<void>;
}

export const PEOPLE = ["周明", "李建国", "王芳"];

export function consoleDriver(bot: TestBot): Driver {
  let last: Reply[] = [];
  const send = async (person: number, where: "private" | "group", payload: Incoming["payload"]) => {
    const chat =
      where === "private"
        ? { platform: "console" as const, id: `dm:p${person}`, kind: "private" as const }
        : bot.group("party-group");
    last = await bot.send({
      user: { platform: "console", id: `p${person}`, displayName: PEOPLE[person] ?? "" },
      chat,
      payload,
    });
    return last.map(replyText).join("\n");
  };
  return {
    says: (person, text, where) => send(person, where, { type: "text", text }),
    async presses(person, label, where) {
      const button = last.flatMap((r) => r.buttons?.flat() ?? []).find((b) => b.label === label);
      if (!button) throw new Error(`no button ${label}`);
      return send(person, where, { type: "action", command: button.command, args: button.args });
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
  let last: typeof fake.calls = [];
  const deliver = async (
    person: number,
    where: "private" | "group",
    update: (from: object, chat: object) => object,
  ) => {
    const from = { id: 5000 + person, is_bot: false, first_name: PEOPLE[person] ?? "" };
    const chat =
      where === "private"
        ? { id: from.id, type: "private", first_name: from.first_name }
        : { id: -100777, type: "supergroup", title: "party-group" };
    const before = fake.calls.length;
    await fetch(`http://127.0.0.1:${http.port}/tg`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(fake.push(update(from, chat) as never)),
    });
    last = fake.calls.slice(before);
    return last;
  };
  return {
    says: async (person, text, where) =>
      telegramText(
        await deliver(person, where, (from, chat) => ({
          message: { message_id: 1, date: 0, chat, from, text },
        })),
      ),
    async presses(person, label, where) {
      const button = last
        .flatMap(
          (c) =>
            (
              c.params.reply_markup as
                | { inline_keyboard?: { text: string; callback_data: string }[][] }
                | undefined
            )?.inline_keyboard?.flat() ?? [],
        )
        .find((b) => b.text === label);
      if (!button) throw new Error(`no button ${label}`);
      return telegramText(
        await deliver(person, where, (from, chat) => ({
          callback_query: {
            id: `cb-${fake.calls.length}`,
            chat_instance: "x",
            from,
            data: button.callback_data,
            message: { message_id: 1, date: 0, chat },
          },
        })),
      );
    },
    async stop() {
      await http.close();
      await fake.stop();
    },
  };
}

function telegramText(calls: { params: Record<string, unknown> }[]): string {
  return calls
    .map((c) => String(c.params.text ?? c.params.caption ?? ""))
    .join("\n")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
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
  let last: SlackCall[] = [];
  const channelOf = (person: number, where: "private" | "group") =>
    where === "private"
      ? { id: `D0P${person}`, name: "directmessage" }
      : { id: "C0PARTY", name: "party-group" };
  const post = async (body: string) => {
    await fetch(`http://127.0.0.1:${http.port}${SLACK_EVENTS_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...fake.sign(body) },
      body,
    });
    // The answer comes after the acknowledgement, at the request's response URL.
    last = await fake.responses(`/respond/${n}`);
    return last.map((c) => String(c.params.text ?? "")).join("\n");
  };
  return {
    async says(person, text, where) {
      n += 1;
      const channel = channelOf(person, where);
      return post(
        new URLSearchParams({
          team_id: "T0",
          channel_id: channel.id,
          channel_name: channel.name,
          user_id: `U0P${person}`,
          user_name: PEOPLE[person] ?? "",
          command: "/party",
          text: text.replace(/^\//, ""),
          response_url: `${fake.url}/respond/${n}`,
          trigger_id: `t-${n}`,
        }).toString(),
      );
    },
    async presses(person, label, where) {
      type Element = { text: { text: string }; action_id: string; value: string };
      const button = last
        .flatMap((c) => (c.params.blocks as { elements?: Element[] }[] | undefined) ?? [])
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.text?.text === label);
      if (!button) throw new Error(`no button ${label}`);
      n += 1;
      const channel = channelOf(person, where);
      const user = { id: `U0P${person}`, name: PEOPLE[person] ?? "" };
      const payload = blockActionsPayload(
        { user, team: "T0", channel, triggerId: fake.trigger(), responseUrl: `${fake.url}/respond/${n}` },
        button,
      );
      return post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    },
    async stop() {
      await http.close();
      await fake.stop();
    },
  };
}
