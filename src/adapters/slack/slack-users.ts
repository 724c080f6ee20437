// Who a Slack user is: the name people know them by and their language, from users.info (the app
// has users:read). A request's user_name is a legacy handle ("wangfang"), not a name ("王芳").
// Answers are cached for an hour; when Slack does not answer, the handle serves.
import type { WebClient } from "@slack/web-api";
import type { UserRef } from "../../core/incoming.js";

const TTL_MS = 60 * 60_000;
const MAX_ENTRIES = 5_000;

interface Known {
  name: string;
  locale?: string;
  until: number;
}

export class SlackUsers {
  readonly #known = new Map<string, Known>();

  constructor(
    private readonly client: WebClient,
    private readonly now: () => number = Date.now,
  ) {}

  async ref(id: string, fallbackName?: string): Promise<UserRef> {
    const known = await this.#lookUp(id);
    return {
      platform: "slack",
      id,
      displayName: known?.name || fallbackName || id,
      ...(known?.locale ? { languageHint: known.locale } : {}),
    };
  }

  async #lookUp(id: string): Promise<Known | undefined> {
    const cached = this.#known.get(id);
    if (cached && cached.until > this.now()) return cached;
    try {
      const { user } = await this.client.users.info({ user: id, include_locale: true });
      const name = user?.profile?.display_name || user?.real_name || user?.profile?.real_name || "";
      const known: Known = {
        name,
        until: this.now() + TTL_MS,
        ...(user?.locale ? { locale: user.locale } : {}),
      };
      if (this.#known.size >= MAX_ENTRIES) this.#known.delete(this.#known.keys().next().value ?? "");
      this.#known.set(id, known);
      return known;
    } catch {
      return cached;
    }
  }
}
