// Validation of roster rows: pure, so every rule is unit-tested without files or databases.
import { DateTime } from "luxon";
import { CN_MOBILE, normalizePhone } from "./phone.js";
import type { RawRow } from "./roster-file.js";

export type MemberStatus = "full" | "probationary";

export interface RosterRow {
  line: number;
  name: string;
  status: MemberStatus;
  joinedPartyOn: string | null;
  phone: string | null;
  groupName: string | null;
}

export interface RowError {
  line: number;
  /** i18n key under import.errors. */
  reason: string;
  value?: string;
}

// Chinese headers as rosters are kept, and English ones as aliases (lower case).
const COLUMNS = {
  name: ["姓名", "党员姓名", "name", "full name", "member", "member name"],
  status: ["类别", "党员类别", "状态", "身份", "status", "category", "type", "membership"],
  joined: ["入党时间", "入党日期", "joined", "joined_party_on", "joined party", "join date", "date joined"],
  phone: ["手机", "手机号", "手机号码", "联系电话", "电话", "phone", "mobile", "phone number", "tel"],
  group: ["党小组", "所在党小组", "group", "party group"],
} as const;

function pick(cells: Record<string, string>, aliases: readonly string[]): string {
  for (const [header, value] of Object.entries(cells)) {
    if (aliases.includes(header.trim().toLowerCase()) || aliases.includes(header.trim())) return value.trim();
  }
  return "";
}

export function parseStatus(input: string): MemberStatus | undefined {
  const value = input.trim().toLowerCase();
  if (["正式", "正式党员", "full"].includes(value)) return "full";
  if (["预备", "预备党员", "probationary"].includes(value)) return "probationary";
  return undefined;
}

/** Accepts 2015-07-01, 2015/7/1, 2015.7.1 and 2015年7月1日; returns ISO or undefined. */
export function parsePartyDate(input: string): string | undefined {
  const match = input.trim().match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
  if (!match) return undefined;
  const date = DateTime.fromObject({
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
  });
  return date.isValid ? (date.toISODate() ?? undefined) : undefined;
}

/**
 * Why a file is not a roster at all (i18n key under import), or null: no rows, or no column a
 * roster has (姓名 / name). Such a file is refused before anything is written.
 */
export function rosterProblem(rows: RawRow[]): "empty" | "noNameColumn" | null {
  if (rows.length === 0) return "empty";
  return rows.some((row) => pick(row.cells, COLUMNS.name) !== "") ? null : "noNameColumn";
}

export interface RosterContext {
  /** Today in the organisation's time zone, YYYY-MM-DD: no one joined the party in the future. */
  today: string;
  existingNames: Set<string>;
  existingPhones: Set<string>;
  groupNames: Set<string>;
}

export function validateRoster(
  rows: RawRow[],
  ctx: RosterContext,
): { good: RosterRow[]; errors: RowError[] } {
  const good: RosterRow[] = [];
  const errors: RowError[] = [];
  const phonesInFile = new Map<string, number>();
  for (const row of rows) {
    const name = pick(row.cells, COLUMNS.name);
    const statusText = pick(row.cells, COLUMNS.status);
    const joinedText = pick(row.cells, COLUMNS.joined);
    const phoneText = pick(row.cells, COLUMNS.phone);
    const groupName = pick(row.cells, COLUMNS.group) || null;
    const fail = (reason: string, value?: string) =>
      errors.push({ line: row.line, reason, ...(value ? { value } : {}) });

    if (!name || name.length > 20) {
      fail("name", name);
      continue;
    }
    const status = parseStatus(statusText);
    if (!status) {
      fail("status", statusText);
      continue;
    }
    let joinedPartyOn: string | null = null;
    if (joinedText) {
      const parsed = parsePartyDate(joinedText);
      if (!parsed) {
        fail("date", joinedText);
        continue;
      }
      if (parsed > ctx.today) {
        fail("dateFuture", joinedText);
        continue;
      }
      joinedPartyOn = parsed;
    }
    let phone: string | null = null;
    if (phoneText) {
      phone = normalizePhone(phoneText);
      if (!CN_MOBILE.test(phone)) {
        fail("phone", phoneText);
        continue;
      }
      const earlier = phonesInFile.get(phone);
      if (earlier !== undefined) {
        fail("phoneDuplicate", String(earlier));
        continue;
      }
      if (ctx.existingPhones.has(phone)) {
        fail("alreadyMember", name);
        continue;
      }
      phonesInFile.set(phone, row.line);
    } else if (ctx.existingNames.has(name)) {
      fail("alreadyMember", name);
      continue;
    }
    if (groupName && !ctx.groupNames.has(groupName)) {
      fail("group", groupName);
      continue;
    }
    good.push({ line: row.line, name, status, joinedPartyOn, phone, groupName });
  }
  return { good, errors };
}
