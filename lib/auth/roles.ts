// The staff roles, for server and browser code alike (no server-only imports here).
export const STAFF_ROLES = ["admin", "editor"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: "Admin",
  editor: "Editor",
};

/** What each role may do, as the user list explains it. */
export const STAFF_ROLE_DESCRIPTIONS: Record<StaffRole, string> = {
  admin: "edits and publishes records, and manages staff accounts",
  editor: "edits and publishes records",
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Admin satisfies editor. */
export function roleSatisfies(role: StaffRole, required: StaffRole): boolean {
  return required === "editor" || role === "admin";
}
