// A secretary's command menu is published for them in each group they speak in, once per process;
// a member is looked at again after a while (they may have become secretary since).
import type { Api, Context } from "grammy";
import type { ChatRef, UserRef } from "../../core/incoming.js";
import type { Logger } from "../../core/logger.js";

const MEMBER_MENU_RECHECK_MS = 10 * 60_000;

export interface SecretaryMenus {
  offer(ctx: Context, user: UserRef, chat: ChatRef): Promise<void>;
}

export function secretaryMenus(deps: {
  /** Which menu this person should see in this group. */
  menuLevel(user: UserRef, chat: ChatRef): Promise<"member" | "secretary">;
  /** Publishes a secretary's menu in a group for them alone. */
  publish(api: Api, chatId: number, userId: number): Promise<void>;
  logger: Logger;
  /** The wall clock, in ms (the recheck interval is real time). */
  wall?: () => number;
}): SecretaryMenus {
  const checked = new Map<string, number>();
  const wall = deps.wall ?? Date.now;
  return {
    async offer(ctx, user, chat) {
      const key = `${chat.id}:${user.id}`;
      const now = wall();
      if (!ctx.chat || !ctx.from) return;
      if ((checked.get(key) ?? 0) > now) return;
      checked.set(key, now + MEMBER_MENU_RECHECK_MS);
      try {
        if ((await deps.menuLevel(user, chat)) !== "secretary") return;
        await deps.publish(ctx.api, ctx.chat.id, ctx.from.id);
        checked.set(key, Number.POSITIVE_INFINITY);
      } catch (err) {
        checked.delete(key);
        deps.logger.warn({ err, chat: chat.id }, "could not publish a secretary's menu");
      }
    },
  };
}
