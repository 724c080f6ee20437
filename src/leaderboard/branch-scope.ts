// Which branches a leaderboard query reads: a list of ids, or — for a keyset page of all branches
// in id order — the span of ids the page covers. PostgreSQL plans a 200-item IN list in several
// milliseconds, longer than it takes to run; a span is planned at once. Rows of other
// organisations inside a span cannot match: meetings, tallies and their markers belong to branches.
import { Prisma } from "../db/database.js";

export interface BranchScope {
  ids: string[];
  /** Set only when `ids` are every branch from `first` to `last` in the database's id order. */
  span?: { first: string; last: string };
}

export const branchList = (ids: string[]): BranchScope => ({ ids });

/** `column` restricted to the scope's branches. */
export function inScope(column: string, scope: BranchScope): Prisma.Sql {
  const col = Prisma.raw(column);
  return scope.span
    ? Prisma.sql`${col} BETWEEN ${scope.span.first} AND ${scope.span.last}`
    : Prisma.sql`${col} IN (${Prisma.join(scope.ids)})`;
}
