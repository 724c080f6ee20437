// A pressed inline button: its signed callback data is the command it invokes. A button whose
// data does not verify (an old deployment's, a forged one) is answered as stale.
import { Composer, type Context } from "grammy";
import { decodeCallback } from "../callback-data.js";
import { chatOf, linksOf, userOf } from "../refs.js";
import type { TelegramListenerDeps } from "./deps.js";

export function buttons(deps: TelegramListenerDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on("callback_query:data", async (ctx) => {
    const user = userOf(ctx);
    const chat = chatOf(ctx);
    const action = decodeCallback(deps.secret, ctx.callbackQuery.data);
    if (!user || !chat || !action) {
      await ctx.answerCallbackQuery({ text: deps.t("telegram.staleButton"), show_alert: true });
      return;
    }
    const replies = await deps.handle({
      updateId: String(ctx.update.update_id),
      user,
      chat,
      payload: { type: "action", command: action.command, args: action.args },
      botUsername: ctx.me.username,
      links: linksOf(ctx),
    });
    const toast = await deps.deliver(ctx, replies, action);
    await ctx.answerCallbackQuery(toast ? { text: toast } : {});
  });
  return composer;
}
