import { describe, expect, it } from "vitest";
import { mayRun, ROLES } from "../../src/core/roles.js";

describe("who may run a command", () => {
  it("lets anyone run an 'anyone' command, even with no role at all", () => {
    expect(mayRun("anyone", [])).toBe(true);
  });

  it("lets a higher role run a lower role's command", () => {
    expect(mayRun("member", ["secretary"])).toBe(true);
    expect(mayRun("secretary", ["org_admin"])).toBe(true);
  });

  it("refuses a member a secretary's command", () => {
    expect(mayRun("secretary", ["member"])).toBe(false);
    expect(mayRun("secretary", ["anyone", "member", "group_leader"])).toBe(false);
  });

  it("decides every pair of roles by rank", () => {
    for (const [i, required] of ROLES.entries()) {
      for (const [j, held] of ROLES.entries()) {
        expect(mayRun(required, [held]), `${held} → ${required}`).toBe(j >= i || required === "anyone");
      }
    }
  });
});
