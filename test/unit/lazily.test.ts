import { describe, expect, it } from "vitest";
import { lazily } from "../../src/core/lazily.js";

describe("parts built on first use", () => {
  it("builds nothing until a part is read, then builds it once", () => {
    const built: string[] = [];
    const parts = lazily<{ meetings: { name: string }; dues: { name: string } }>({
      meetings: () => {
        built.push("meetings");
        return { name: "三会一课" };
      },
      dues: () => {
        built.push("dues");
        return { name: "党费" };
      },
    });
    expect(built).toEqual([]);
    expect(parts.meetings.name).toBe("三会一课");
    expect(parts.meetings).toBe(parts.meetings);
    expect(built).toEqual(["meetings"]);
  });

  it("builds what a part uses through the same object, once", () => {
    let repositories = 0;
    const parts: { repo: { n: number }; a: { repo: { n: number } }; b: { repo: { n: number } } } = lazily({
      repo: () => ({ n: ++repositories }),
      a: () => ({ repo: parts.repo }),
      b: () => ({ repo: parts.repo }),
    });
    expect(parts.a.repo).toBe(parts.b.repo);
    expect(repositories).toBe(1);
  });
});
