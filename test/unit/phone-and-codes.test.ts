import { describe, expect, it } from "vitest";
import { normalizeCode, shortCode } from "../../src/core/short-code.js";
import { maskPhone, normalizePhone } from "../../src/membership/phone.js";

describe("phone numbers", () => {
  it("masks the middle four digits of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });

  it("masks short numbers entirely and shows nothing for none", () => {
    expect(maskPhone("12345")).toBe("*****");
    expect(maskPhone(null)).toBe("");
  });

  it("drops the country code, spaces and dashes", () => {
    expect(normalizePhone("+86 138-1234-5678")).toBe("13812345678");
  });
});

describe("short codes", () => {
  it("uses only characters that cannot be misread", () => {
    for (let i = 0; i < 200; i++) expect(shortCode(6)).toMatch(/^[2-9BCDFGHJKMNPQRSTVWXYZ]{6}$/);
  });

  it("forgives case and spaces when typed", () => {
    expect(normalizeCode("k7m 2q")).toBe("K7M2Q");
    expect(normalizeCode("abcd-efgh")).toBe("ABCDEFGH");
  });
});
