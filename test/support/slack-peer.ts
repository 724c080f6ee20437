// The real Bolt app behind its real HTTP receiver, mounted on the bot's HTTP server, receiving
// properly signed requests; a strict fake plays the Slack Web API and response URLs. And the
// branch Slack scenarios start from, built by people typing /party commands.
import { createSlackApp, SLACK_EVENTS_PATH } from "../../src/adapters/slack/slack-app.js";
import { silentLogger } from "../../src/core/logger.js";
import { DeliveryWorker } from "../../src/delivery/delivery-worker.js";
import { type HttpServer, startHttpServer } from "../../src/http/health-server.js";
import { FakeSlack, type SlackCall } from "./fake-slack.js";
import { blockActionsPayload } from "./slack-payloads.js";
import { startTestBot, type TestBot } from "./test-bot.js";

export interface SlackUser {
  id: string;
  name: string;
}

export const CHANNEL = { id: "C0XINGFULI", name: "xingfuli-party" };

export const SLACK_PEOPLE = {
  admin: { id: "U0ADMIN", name: "zhouming" },
  secretary: { id: "U0SECRETARY", name: "lijianguo" },
  member: { id: "U0MEMBER", name: "wangfang" },
} satisfies Record<string, SlackUser>;

export const textOf = (calls: { params: Record<string, unknown> }[]) =>
  calls.map((c) => String(c.params.text ?? "")).join("\n");
export const codeAfter = (text: string, label: string) =>
  text.match(new RegExp(`${label}[：:\\s]*([0-9A-Z]{4,8})`))?.[1] ?? "";

type Blocks = { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];

export async function startSlackPeer() {
  const bot: TestBot = await startTestBot();
  bot.clock.set("2026-03-02T01:00:00Z");
  const fake = new FakeSlack();
  await fake.start();
  const slack = createSlackApp({
    identity: fake.identity,
    botToken: fake.botToken,
    signingSecret: fake.signingSecret,
    apiUrl: `${fake.url}/api/`,
    secret: "slack-button-secret",
    handle: (incoming) => bot.app.handle(incoming),
    files: bot.app.files,
    translatorFor: (user) => bot.app.translatorFor(user),
    t: bot.app.i18n.translator("zh-CN"),
    logger: silentLogger,
  });
  const listener = slack.receiver.requestListener;
  if (!listener) throw new Error("no HTTP receiver");
  const http: HttpServer = await startHttpServer(
    "127.0.0.1",
    0,
    { accepting: true, ping: async () => undefined },
    new Map([[SLACK_EVENTS_PATH, listener]]),
  );
  const worker = new DeliveryWorker(
    bot.app.services,
    new Map([["slack", slack.sender]]),
    bot.app.outboxKinds,
    bot.clock,
    silentLogger,
    { workerId: "w", limits: { telegram: [], slack: [], console: [] } },
  );
  let responses = 0;

  function send(
    body: string,
    headers: Record<string, string>,
    contentType = "application/x-www-form-urlencoded",
  ) {
    return fetch(`http://127.0.0.1:${http.port}${SLACK_EVENTS_PATH}`, {
      method: "POST",
      headers: { "content-type": contentType, ...headers },
      body,
    });
  }

  /** Waits until the app has finished reacting (no new calls for a moment). */
  async function settled(before: number): Promise<SlackCall[]> {
    // Generous: under a loaded test run an answer can take seconds to start.
    const until = Date.now() + 15_000;
    let count = fake.calls.length;
    let stableSince = Date.now();
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      if (fake.calls.length !== count) {
        count = fake.calls.length;
        stableSince = Date.now();
      } else if (count > before && Date.now() - stableSince > 80) break;
    }
    return fake.calls.slice(before);
  }

  function slashBody(user: SlackUser, text: string, where: "dm" | "channel", trigger = fake.trigger()) {
    const channel = where === "dm" ? { id: `D0${user.id}`, name: "directmessage" } : CHANNEL;
    responses += 1;
    return new URLSearchParams({
      token: "x",
      team_id: "T0PARTY",
      channel_id: channel.id,
      channel_name: channel.name,
      user_id: user.id,
      user_name: user.name,
      command: "/party",
      text,
      response_url: `${fake.url}/respond/${responses}`,
      trigger_id: trigger,
    }).toString();
  }

  /** /party <text> as a user; returns what the app answered (or did, for a form). */
  async function slash(user: SlackUser, text: string, where: "dm" | "channel" = "dm"): Promise<SlackCall[]> {
    const before = fake.calls.length;
    const body = slashBody(user, text, where);
    const res = await send(body, fake.sign(body));
    if (res.status !== 200) throw new Error(`Slack request answered ${res.status}`);
    // /party schedule opens a modal instead of answering.
    if (text === "schedule") return settled(before);
    return fake.responses(`/respond/${responses}`);
  }

  async function interact(payload: object): Promise<SlackCall[]> {
    const before = fake.calls.length;
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await send(body, fake.sign(body));
    if (res.status !== 200) throw new Error(`Slack request answered ${res.status}`);
    return settled(before);
  }

  /** An Events API callback (a direct message, App Home opened), signed. */
  async function event(
    event: object,
    eventId = `Ev${fake.calls.length}${Date.now()}`,
    { quiet = false } = {},
  ): Promise<SlackCall[]> {
    const before = fake.calls.length;
    const body = JSON.stringify({
      token: "x",
      team_id: "T0PARTY",
      api_app_id: "A0PARTY",
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: "T0PARTY", user_id: fake.identity.botUserId, is_bot: true }],
      event,
    });
    const res = await send(body, fake.sign(body), "application/json");
    if (res.status !== 200) throw new Error(`Slack event answered ${res.status}`);
    // An event the app should ignore makes no call to wait for.
    return quiet ? [] : settled(before);
  }

  /** Presses the button labelled `label` among the blocks, as a user, in the channel. */
  function press(user: SlackUser, blocks: Blocks, label: string, channel = CHANNEL) {
    const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.text.text === label);
    if (!button) throw new Error(`no button ${label} in ${JSON.stringify(blocks)}`);
    responses += 1;
    return interact(
      blockActionsPayload(
        {
          user,
          team: "T0PARTY",
          channel: { id: channel.id, name: channel.name },
          triggerId: fake.trigger(),
          responseUrl: `${fake.url}/respond/${responses}`,
        },
        button,
      ),
    );
  }

  /** Presses 确认 on the meeting card among `calls` (the answer to /party schedule or its form). */
  function confirms(user: SlackUser, calls: SlackCall[], where: "dm" | "channel" = "channel") {
    const card = calls.find(
      (c) =>
        JSON.stringify(c.params.blocks ?? []).includes("confirm_schedule") ||
        textOf([c]).includes("请确认会议安排"),
    );
    if (!card) throw new Error(`no meeting card in ${textOf(calls)}`);
    return press(
      user,
      card.params.blocks as Blocks,
      "确认",
      where === "dm" ? { id: `D0${user.id}`, name: "directmessage" } : CHANNEL,
    );
  }

  /** `/party schedule <line>` as the user, then 确认 on the card. */
  async function schedules(user: SlackUser, line: string, where: "dm" | "channel" = "channel") {
    return confirms(user, await slash(user, `schedule ${line}`, where), where);
  }

  let views = 0;
  function submit(user: SlackUser, callbackId: string, privateMetadata: string, values: object) {
    views += 1;
    return interact({
      type: "view_submission",
      user: { id: user.id, name: user.name, username: user.name, team_id: "T0PARTY" },
      team: { id: "T0PARTY", domain: "party" },
      token: "x",
      api_app_id: "A0PARTY",
      trigger_id: fake.trigger(),
      view: {
        id: `V${views}`,
        hash: `h${views}`,
        callback_id: callbackId,
        private_metadata: privateMetadata,
        state: { values },
        type: "modal",
        team_id: "T0PARTY",
      },
    });
  }

  /** Waits (up to 10 s) until the fake saw `method` `times` times since call `before`. */
  async function untilCalled(method: string, before: number, times = 1): Promise<SlackCall[]> {
    const until = Date.now() + 10_000;
    while (fake.calls.slice(before).filter((c) => c.method === method).length < times && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    return fake.calls.slice(before);
  }

  return {
    bot,
    fake,
    http,
    worker,
    slack,
    send,
    settled,
    slashBody,
    slash,
    interact,
    event,
    press,
    confirms,
    schedules,
    submit,
    untilCalled,
    responsePath: () => `/respond/${responses}`,
    async close() {
      await worker.stop();
      await http.close();
      await fake.stop();
      await bot.close();
    },
  };
}

export type SlackPeer = Awaited<ReturnType<typeof startSlackPeer>>;

/** The committee, 幸福里社区党支部 with its secretary and a member, and its channel bound. */
export async function buildSlackWorld(peer: SlackPeer): Promise<{ invite: string }> {
  const { admin, secretary, member } = SLACK_PEOPLE;
  const { slash, bot } = peer;
  peer.fake.people.set(admin.id, { name: "周明", locale: "zh-CN" });
  peer.fake.people.set(secretary.id, { name: "李建国", locale: "zh-CN" });
  peer.fake.people.set(member.id, { name: "王芳", locale: "zh-CN" });
  const expectIn = async (calls: Promise<SlackCall[]>, text: string) => {
    const got = textOf(await calls);
    if (!got.includes(text)) throw new Error(`expected "${text}" in: ${got}`);
    return got;
  };
  await expectIn(slash(admin, `bootstrap ${bot.app.bootstrapCode}`), "管理员");
  const committee = codeAfter(textOf(await slash(admin, "org_add 党委 南湖街道党工委")), "代码");
  const branch = codeAfter(
    textOf(await slash(admin, `org_add 党支部 幸福里社区党支部 ${committee}`)),
    "代码",
  );
  await slash(admin, `use ${branch}`);
  const invite = codeAfter(textOf(await slash(admin, "invite 5")), "邀请码：");
  const request = codeAfter(textOf(await slash(secretary, `join ${invite} 李建国`)), "编号");
  const memberCode = codeAfter(textOf(await slash(admin, `approve ${request} 正式`)), "党员编号");
  await slash(admin, `role grant ${memberCode} 书记`);
  const bindCode = codeAfter(textOf(await slash(secretary, "bind_code")), "绑定码：");
  await expectIn(slash(secretary, `bind ${bindCode}`, "channel"), "本群已绑定到「幸福里社区党支部」");
  const memberRequest = codeAfter(textOf(await slash(member, `join ${invite} 王芳`)), "编号");
  await slash(secretary, `approve ${memberRequest} 正式`);
  // The notices the set-up caused (requests, approvals) go out before the tests count their own.
  await peer.worker.drainOnce();
  return { invite };
}
