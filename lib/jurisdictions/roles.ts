import { COALITION_ROLES, type CoalitionRole } from "@/lib/dataset/schema";

export const COALITION_ROLE_LABELS: Record<CoalitionRole, string> = {
  lead: "Lead",
  "co-lead": "Co-lead",
  joined: "Joined",
};

/** Lead first, then co-leads, then the rest. */
export const COALITION_ROLE_ORDER: Record<CoalitionRole, number> = { lead: 0, "co-lead": 1, joined: 2 };

export { COALITION_ROLES, type CoalitionRole };
