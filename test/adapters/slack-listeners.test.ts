// Each Slack listener on its own, with plain fakes of what it is handed (Bolt's ack/respond and
// the adapter's deps), as the Bolt starter template tests its listeners.
import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { encodeAction } from "../../src/adapters/slack/action-value.js";
import { commandButton } from "../../src/adapters/slack/listeners/actions/command-button.js";
import { partyCommand } from "../../src/adapters/slack/listeners/commands/party-command.js";
import type { SlackListenerDeps } from "../../src/adapters/slack/listeners/deps.js";
import { directMessage } from "../../src/adapters/slack/listeners/messages/direct-message.js";
import type { Where } from "../../src/adapters/slack/slack-post.js";
import type { Translate } from "../../src/core/i18n.js";
import type { Incoming } from "../../src/core/incoming.js";
import { textReply } from "../../src/core/reply.js";

const SECRET = "buttons-secret";
const t = ((key: string) => key) as Translate;

function fakeDeps() {
  const handled: Incoming[] = [];
  const posted: Where[] = [];
  const forms: { triggerId: string; view: types.ModalView }[] = [];
  const deps: SlackListenerDeps = {
    secret: SECRET,
    async handle(incoming) {
      handled.push(incoming);
      return [textReply("已签到")];
    },
    async person(id, handle) {
      return { user: { platform: "slack", id, displayName: handle ?? "王芳" }, t };
    },
    async post(_replies, where) {
      posted.push(where);
    },
    async openForm(triggerId, view) {
      forms.push({ triggerId, view });
    },
  };
  return { deps, handled, posted, forms };
}

function slashCommand(text: string, channel = "C0PARTY") {
  return {
    text,
    channel_id: channel,
    channel_name: "幸福里党支部",
    user_id: "U0WANGFANG",
    user_name: "wangfang",
    trigger_id: "1337.42.trigger",
  } as Parameters<ReturnType<typeof partyCommand>>[0]["command"];
}

const acks: unknown[] = [];
const ack = async (answer?: unknown) => {
  acks.push(answer ?? "ack");
};
const responses: object[] = [];
const respond = async (message: object) => {
  responses.push(message);
};

describe("the Slack listeners, one by one", () => {
  it("runs /party's subcommand as the command it names, from the channel it was typed in", async () => {
    const { deps, handled, posted } = fakeDeps();
    await partyCommand(deps)({ command: slashCommand("/checkin H7K2Q"), ack, respond } as never);
    expect(handled).toEqual([
      expect.objectContaining({
        updateId: "1337.42.trigger",
        chat: { platform: "slack", id: "C0PARTY", kind: "group", title: "幸福里党支部" },
        payload: { type: "text", text: "/checkin H7K2Q" },
      }),
    ]);
    expect(posted).toEqual([expect.objectContaining({ channel: "C0PARTY", private: false })]);
  });

  it("opens the scheduling form for /party 安排会议 and runs nothing", async () => {
    const { deps, handled, forms } = fakeDeps();
    await partyCommand(deps)({ command: slashCommand("安排会议"), ack, respond } as never);
    expect(handled).toEqual([]);
    expect(forms.map((f) => f.view.callback_id)).toEqual(["schedule"]);
  });

  it("answers a button whose value does not verify as stale, privately, and runs nothing", async () => {
    const { deps, handled } = fakeDeps();
    responses.length = 0;
    const body = { type: "block_actions", user: { id: "U0WANGFANG", name: "wangfang" }, trigger_id: "t1" };
    const forged = { type: "button", value: encodeAction("another-secret", "checkin", ["H7K2Q"]) };
    await commandButton(deps)({ ack, body, action: forged, respond } as never);
    expect(handled).toEqual([]);
    expect(responses).toEqual([expect.objectContaining({ response_type: "ephemeral" })]);
  });

  it("presses a signed button as the command it carries", async () => {
    const { deps, handled } = fakeDeps();
    const body = {
      type: "block_actions",
      user: { id: "U0WANGFANG", name: "wangfang" },
      channel: { id: "C0PARTY", name: "幸福里党支部" },
      trigger_id: "t2",
    };
    const signed = { type: "button", value: encodeAction(SECRET, "checkin", ["H7K2Q"]) };
    await commandButton(deps)({ ack, body, action: signed, respond } as never);
    expect(handled.map((i) => i.payload)).toEqual([{ type: "action", command: "checkin", args: ["H7K2Q"] }]);
  });

  it("opens a form for the reason when 请假 is pressed without one", async () => {
    const { deps, handled, forms } = fakeDeps();
    const body = {
      type: "block_actions",
      user: { id: "U0WANGFANG" },
      channel: { id: "C0PARTY" },
      trigger_id: "t3",
    };
    const leave = { type: "button", value: encodeAction(SECRET, "leave", ["H7K2Q"]) };
    await commandButton(deps)({ ack, body, action: leave, respond } as never);
    expect(handled).toEqual([]);
    expect(forms.map((f) => f.view.callback_id)).toEqual(["leave_reason"]);
  });

  it("takes a direct message as a command and leaves edits and channel messages alone", async () => {
    const { deps, handled, posted } = fakeDeps();
    const dm = { channel: "D0WANGFANG", channel_type: "im", user: "U0WANGFANG", text: "/whoami", ts: "1.1" };
    await directMessage(deps)({ message: dm, body: { event_id: "Ev01" } } as never);
    await directMessage(deps)({ message: { ...dm, subtype: "message_changed" }, body: {} } as never);
    await directMessage(deps)({ message: { ...dm, channel_type: "channel" }, body: {} } as never);
    expect(handled.map((i) => [i.updateId, i.chat.kind, i.payload])).toEqual([
      ["Ev01", "private", { type: "text", text: "/whoami" }],
    ]);
    expect(posted).toEqual([expect.objectContaining({ dm: true, private: true })]);
  });
});
