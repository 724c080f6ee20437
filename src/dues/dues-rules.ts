// Pure rules of party dues: which months a member owes, and for how many months in a row they have
// not paid — the dues side of the six-month rule (党章: six months without paying dues, without good
// reason, counts as leaving the party).

/** "YYYY-MM" months from `from` up to and including `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The month before a "YYYY-MM" month. */
export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/**
 * Months owed: every month from the first the member is expected to pay up to the last complete
 * month (`lastDue`) that has no payment. The current month is not owed yet.
 */
export function arrears(fromMonth: string, lastDue: string, paid: ReadonlySet<string>): string[] {
  if (fromMonth > lastDue) return [];
  return monthsBetween(fromMonth, lastDue).filter((m) => !paid.has(m));
}

/** Unpaid months in a row, counting back from the last complete month. */
export function unpaidStreak(fromMonth: string, lastDue: string, paid: ReadonlySet<string>): number {
  let streak = 0;
  for (let month = lastDue; month >= fromMonth && !paid.has(month); month = previousMonth(month)) streak++;
  return streak;
}

/** Yuan as secretaries write it ("20", "20.5") to fen, and back. */
export function yuanToFen(text: string): number | null {
  const match = text.match(/^(\d{1,5})(?:\.(\d{1,2}))?(元)?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

export function fenToYuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
