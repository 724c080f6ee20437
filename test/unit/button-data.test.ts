import { describe, expect, it } from "vitest";
import { decodeAction, encodeAction } from "../../src/adapters/slack/action-value.js";
import { decodeCallback, encodeCallback } from "../../src/adapters/telegram/callback-data.js";

const SECRET = "buttons-secret";
// Forged button data a client can send: any characters, including ones that are several bytes.
const FORGED = [
  "",
  "x",
  "签".repeat(10),
  `${"签".repeat(10)}checkin\u001fH7K2Q`,
  "\u0000".repeat(12),
  "é".repeat(16),
  "🎉.{}",
  'aaaaaaaaaaaaaaaa.{"c":"checkin","a":[]}',
  "签签签签签签签签签签签签签签签签.{}",
];

describe("signed button data", () => {
  it("round-trips what the bot itself put on a button", () => {
    expect(decodeCallback(SECRET, encodeCallback(SECRET, "checkin", ["H7K2Q"]))).toEqual({
      command: "checkin",
      args: ["H7K2Q"],
    });
    expect(decodeAction(SECRET, encodeAction(SECRET, "leave", ["H7K2Q", "出差"]))).toEqual({
      command: "leave",
      args: ["H7K2Q", "出差"],
    });
  });

  it.each(FORGED)("refuses forged Telegram callback data %j without throwing", (data) => {
    expect(decodeCallback(SECRET, data)).toBeNull();
  });

  it.each(FORGED)("refuses a forged Slack action value %j without throwing", (value) => {
    expect(decodeAction(SECRET, value)).toBeNull();
  });
});
