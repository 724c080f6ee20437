// The App Home tab: the person's page (/home), with its buttons, published when they open it.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { homeView } from "../../slack-home.js";
import type { SlackListenerDeps } from "../deps.js";

type Args = Pick<SlackEventMiddlewareArgs<"app_home_opened">, "event"> & {
  client: { views: Pick<AllMiddlewareArgs["client"]["views"], "publish"> };
};

export function appHomeOpened(deps: SlackListenerDeps) {
  return async ({ event, client }: Args): Promise<void> => {
    if (event.tab !== "home") return;
    const { user } = await deps.person(event.user);
    const replies = await deps.handle({
      user,
      chat: { platform: "slack", id: event.channel, kind: "private" },
      payload: { type: "text", text: "/home" },
    });
    await client.views.publish({ user_id: event.user, view: homeView(replies, deps.secret) });
  };
}
