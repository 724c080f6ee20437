import { describe, expect, it } from "vitest";
import {
  fromStartPayload,
  groupLink,
  privateLink,
  startPayload,
} from "../../src/adapters/telegram/start-links.js";

describe("Telegram deep-link payloads", () => {
  it.each([
    ["join", ["K7P2Q9"], "join_K7P2Q9"],
    ["leave", ["H7K2Q"], "leave_H7K2Q"],
    ["bind", ["4821"], "bind_4821"],
    ["checkin", ["H7K2Q"], "checkin_H7K2Q"],
    ["approve", ["R12"], null], // only the commands a link is for
    ["leave", ["H7K2Q", "家中有事"], null], // not a payload's characters
    ["join", ["A".repeat(70)], null], // longer than 64
    ["join", [], "join"],
  ])("%s %j → %s", (command, args, payload) => {
    expect(startPayload(command, args)).toBe(payload);
  });

  it.each([
    ["/start join_K7P2Q9", "/join K7P2Q9"],
    ["/start@party_branch_bot bind_4821", "/bind 4821"],
    ["/start leave_H7K2Q", "/leave H7K2Q"],
    ["/start approve_R12", "/help"],
    ["/start join", "/help"],
    ["/start", "/start"],
    ["/help", "/help"],
    ["/start 家中有事", "/start 家中有事"],
  ])("%s is taken as %s", (text, command) => {
    expect(fromStartPayload(text)).toBe(command);
  });

  it("builds the links Telegram opens", () => {
    expect(privateLink("party_branch_bot", "join_K7P2Q9")).toBe(
      "https://t.me/party_branch_bot?start=join_K7P2Q9",
    );
    expect(groupLink("party_branch_bot", "bind_4821")).toBe(
      "https://t.me/party_branch_bot?startgroup=bind_4821",
    );
  });
});
