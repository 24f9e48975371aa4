// The coding's codes grouped for insights, once: an outcome class as won, mixed, lost,
// pending, ended otherwise or unknown, and a side as challenging or defending. Every
// chart, table and count of insights reads these (docs/decisions/026). Browser-safe.
import type { OutcomeClass, StateSide } from "@/lib/dataset/vocabulary";

export const OUTCOME_GROUPS = ["won", "mixed", "lost", "pending", "ended-otherwise", "unknown"] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

/**
 * The group of each outcome class. Won: the states' challenge succeeded, on the merits
 * or by an injunction that was never undone. Lost: it failed, on the merits or on a
 * threshold ground. A settlement, a withdrawal or mootness ended the case without a
 * court deciding who was right: neither won nor lost.
 */
export const OUTCOME_GROUP_OF: Record<OutcomeClass, OutcomeGroup> = {
  "success-merits": "won",
  "success-injunction-only": "won",
  mixed: "mixed",
  "failure-merits": "lost",
  "failure-procedural": "lost",
  settled: "ended-otherwise",
  withdrawn: "ended-otherwise",
  moot: "ended-otherwise",
  pending: "pending",
  unknown: "unknown",
};

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  won: "Won",
  mixed: "Mixed",
  lost: "Lost",
  pending: "Pending",
  "ended-otherwise": "Settled, withdrawn or moot",
  unknown: "Unknown",
};

/** The groups whose share of the lawsuits with a known outcome the insights state ("share won"). */
export const KNOWN_OUTCOME_GROUPS: readonly OutcomeGroup[] = OUTCOME_GROUPS.filter((group) => group !== "unknown");

export const SIDE_GROUPS = ["challenging", "defending"] as const;
export type SideGroup = (typeof SIDE_GROUPS)[number];

/** Which side of the case each coded side is on: with those who challenge the action, or with those who defend it. */
export const SIDE_GROUP_OF: Record<StateSide, SideGroup> = {
  plaintiff: "challenging",
  "intervenor-plaintiff": "challenging",
  "amicus-plaintiff-side": "challenging",
  defendant: "defending",
  "intervenor-defendant": "defending",
  "amicus-defendant-side": "defending",
};

/** The sides of one group, as the database's enum values. */
export const sidesOf = (group: SideGroup): StateSide[] => (Object.keys(SIDE_GROUP_OF) as StateSide[]).filter((side) => SIDE_GROUP_OF[side] === group);
