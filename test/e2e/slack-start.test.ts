// npm start with a Slack token: the bot's identity is asked of Slack once, at start-up, not on
// every request; a rate-limited start waits and goes on; a token Slack refuses stops the start
// with a message that names SLACK_BOT_TOKEN.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exited, startBot, waitFor } from "../support/bot-process.js";
import { FakeSlack } from "../support/fake-slack.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

describe("npm start on Slack", () => {
  let fake: FakeSlack;
  let database: TestDatabase;
  beforeEach(async () => {
    fake = new FakeSlack();
    await fake.start();
    database = createTestDatabase();
  });
  afterEach(async () => {
    await fake.stop();
    await database.drop();
  });

  const env = () => ({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: fake.signingSecret,
    SLACK_API_URL: `${fake.url}/api/`,
  });

  it("verifies its token once, after two 429s, and answers commands without asking again", async () => {
    fake.authAnswers.push("ratelimited", "ratelimited");
    const bot = startBot(database, [], env());
    try {
      await waitFor(bot.output, "Slack (HTTP /slack/events)", 40_000);
      const port = Number(bot.output().match(/HTTP [^ ]+:(\d+)\/healthz/)?.[1]);
      for (const text of ["help", "whoami", "meetings"]) {
        const body = new URLSearchParams({
          team_id: "T0PARTY",
          channel_id: "D0U0MEMBER",
          channel_name: "directmessage",
          user_id: "U0MEMBER",
          user_name: "wangfang",
          command: "/party",
          text,
          response_url: `${fake.url}/respond/${text}`,
          trigger_id: fake.trigger(),
        }).toString();
        const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...fake.sign(body) },
          body,
        });
        expect(res.status).toBe(200);
        await fake.responses(`/respond/${text}`);
      }
      expect(fake.called("auth.test")).toHaveLength(3); // two refused, one answered
    } finally {
      bot.child.kill("SIGTERM");
      await exited(bot.child);
    }
  }, 60_000);

  it("stops with a message naming SLACK_BOT_TOKEN when Slack refuses the token", async () => {
    fake.authAnswers.push("invalid_auth");
    const bot = startBot(database, [], env());
    expect(await exited(bot.child)).toBe(2);
    expect(bot.output()).toContain("SLACK_BOT_TOKEN");
    expect(bot.output()).toContain("invalid_auth");
  }, 30_000);
});
