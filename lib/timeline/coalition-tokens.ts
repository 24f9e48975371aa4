// The coalition tokens on each filing (`filing.coalition`, migration 20261127020000): the
// states that joined it, written so that the timeline filters and counts by state with
// one GIN-indexed array instead of reading filing_state. "NM" for each jurisdiction that
// joined, "NM:lead" for its role, "role:lead" for each role present.
//
// This is the one definition in TypeScript. The database writes the tokens itself
// (refresh_filing_coalition, on every write path) and counts them (filing_count_keys),
// in SQL that cannot import this; tests/coalition-tokens.test.ts holds what the trigger
// writes to coalitionTokens() below.
import { Prisma } from "@/lib/generated/prisma/client";
import type { CoalitionRole } from "@/lib/dataset/schema";
import type { Filter } from "@/lib/filters/schema";

/** A jurisdiction that joined, whatever its role. */
export const stateToken = (code: string): string => code;
/** A jurisdiction in one role. */
export const stateRoleToken = (code: string, role: CoalitionRole): string => `${code}:${role}`;
/** Any jurisdiction in one role. */
export const roleToken = (role: CoalitionRole): string => `role:${role}`;

/** A filing's tokens, as the trigger writes them: each once, in the database's byte order. */
export function coalitionTokens(members: { code: string; role: CoalitionRole }[]): string[] {
  // The importer computes this for every filing it reads (decision 030): one array,
  // sorted once, repeats dropped as they come out in order.
  const tokens: string[] = [];
  for (const { code, role } of members) tokens.push(stateToken(code), stateRoleToken(code, role), roleToken(role));
  // sort() with no comparator orders by UTF-16 code units, as `<` does.
  tokens.sort();
  return tokens.filter((token, i) => i === 0 || token !== tokens[i - 1]);
}

/** The tokens a filter looks for: its states (in its role, if it names one), or any state in its role. */
export function filterTokens(filter: Pick<Filter, "state" | "role">): string[] {
  if (filter.state.length) return filter.state.map((code) => (filter.role ? stateRoleToken(code, filter.role) : stateToken(code)));
  return filter.role ? [roleToken(filter.role)] : [];
}

/**
 * SQL: the token in `column` is a jurisdiction alone (stateToken), not a role. USPS codes
 * are two letters and the other tokens are longer, so the length says it.
 */
export const isStateTokenSql = (column: string): Prisma.Sql => Prisma.raw(`length(${column}) = 2`);
