// Who may use each route of the app: the one table that e2e/access-matrix.writes.spec.ts
// holds the running app to, for every kind of caller. Keyed by the file that makes the
// route (pages, route handlers, metadata routes) and by the exported name of each server
// action, so that a route or an action added without a rule here fails the matrix.
// What each role may do comes from lib/auth/roles.ts (roleSatisfies), not from here.
import { roleSatisfies, type StaffRole } from "../../lib/auth/roles";

/** The kinds of caller the matrix tries: nobody signed in, a disabled account's surviving session, and each staff role. */
export const CALLERS = ["anonymous", "disabled", "editor", "admin"] as const;
export type Caller = (typeof CALLERS)[number];

/** Who may use a route: anyone; staff with at least this role; or only callers not signed in as staff (the sign-in page). */
export type Access = "anyone" | StaffRole | "signed-out";

/** What a caller must get: the route itself, the sign-in page, a 403, or (signed in already) the staff dashboard. */
export type Answer = "ok" | "sign-in" | "forbidden" | "staff-home";

/** Records of the running app to probe dynamic routes with, found when the matrix starts. */
export interface SampleIds {
  filing: string;
  lawsuit: string;
  court: string;
  official: string;
}

export interface RouteRule {
  access: Access;
  /** A URL that reaches the route. */
  path: (ids: SampleIds) => string;
  /** The probe names no record (none exists to name), so a caller who may use the route gets a 404. */
  absent?: true;
  /**
   * A route that takes writes only (the dataset upload): probed with a POST of a form
   * without a file, which a caller who may use it gets refused by name (422).
   */
  method?: "POST";
}

/** A UUID no upload has: the upload review page has no record to show without an upload of its own. */
const NO_UPLOAD = "00000000-0000-4000-8000-000000000000";

const anyone = (path: RouteRule["path"]): RouteRule => ({ access: "anyone", path });
const editors = (path: RouteRule["path"]): RouteRule => ({ access: "editor", path });

export const ROUTE_RULES: Record<string, RouteRule> = {
  "app/(public)/page.tsx": anyone(() => "/"),
  "app/(public)/about/page.tsx": anyone(() => "/about"),
  "app/(public)/about/codebook/page.tsx": anyone(() => "/about/codebook"),
  "app/(public)/api/page.tsx": anyone(() => "/api"),
  "app/(public)/data/page.tsx": anyone(() => "/data"),
  // A release number none has: whether a spec made a release before the matrix runs is not its business.
  "app/(public)/data/releases/[number]/[file]/route.ts": { access: "anyone", path: () => "/data/releases/999999/dataset.json", absent: true },
  "app/(public)/filings/[id]/page.tsx": anyone((ids) => `/filings/${ids.filing}`),
  "app/(public)/filings/[id]/history/page.tsx": anyone((ids) => `/filings/${ids.filing}/history`),
  "app/(public)/filings/[id]/cite.bib/route.ts": anyone((ids) => `/filings/${ids.filing}/cite.bib`),
  "app/(public)/filings/[id]/cite.json/route.ts": anyone((ids) => `/filings/${ids.filing}/cite.json`),
  "app/(public)/insights/page.tsx": anyone(() => "/insights"),
  "app/(public)/insights/coalitions/page.tsx": anyone(() => "/insights/coalitions"),
  "app/(public)/lawsuits/page.tsx": anyone(() => "/lawsuits"),
  "app/(public)/lawsuits/[id]/page.tsx": anyone((ids) => `/lawsuits/${ids.lawsuit}`),
  "app/(public)/lawsuits/[id]/history/page.tsx": anyone((ids) => `/lawsuits/${ids.lawsuit}/history`),
  // The founding data's coding, policy and issue area (every run seeds them).
  "app/(public)/lawsuits/[id]/coding/history/page.tsx": anyone(() => "/lawsuits/washington-v-united-states-2018/coding/history"),
  "app/(public)/policies/[id]/history/page.tsx": anyone(() => "/policies/family-separation-zero-tolerance-2018/history"),
  "app/(public)/issue-areas/[id]/history/page.tsx": anyone(() => "/issue-areas/immigration/history"),
  "app/(public)/states/page.tsx": anyone(() => "/states"),
  "app/(public)/states/[code]/page.tsx": anyone(() => "/states/NM"),
  "app/api/v1/filings/route.ts": anyone(() => "/api/v1/filings"),
  "app/api/v1/filings/[id]/route.ts": anyone((ids) => `/api/v1/filings/${ids.filing}`),
  "app/api/v1/lawsuits/route.ts": anyone(() => "/api/v1/lawsuits"),
  "app/api/v1/lawsuits/[id]/route.ts": anyone((ids) => `/api/v1/lawsuits/${ids.lawsuit}`),
  "app/api/v1/policies/route.ts": anyone(() => "/api/v1/policies"),
  "app/api/v1/agencies/route.ts": anyone(() => "/api/v1/agencies"),
  "app/api/v1/jurisdictions/route.ts": anyone(() => "/api/v1/jurisdictions"),
  "app/api/v1/jurisdictions/[code]/route.ts": anyone(() => "/api/v1/jurisdictions/NM"),
  "app/api/v1/openapi.json/route.ts": anyone(() => "/api/v1/openapi.json"),
  "app/calendar.ics/route.ts": anyone(() => "/calendar.ics"),
  "app/feed.xml/route.ts": anyone(() => "/feed.xml"),
  "app/export/dataset.json/route.ts": anyone(() => "/export/dataset.json"),
  "app/export/codebook.json/route.ts": anyone(() => "/export/codebook.json"),
  "app/export/filings.csv/route.ts": anyone(() => "/export/filings.csv"),
  "app/export/filing-states.csv/route.ts": anyone(() => "/export/filing-states.csv"),
  "app/sitemap.xml/route.ts": anyone(() => "/sitemap.xml"),
  "app/sitemaps/sitemap.ts": anyone(() => "/sitemaps/sitemap/0.xml"),
  "app/robots.ts": anyone(() => "/robots.txt"),
  "app/maps/us-states.svg/route.ts": anyone(() => "/maps/us-states.svg"),

  "app/(staff)/staff/sign-in/page.tsx": { access: "signed-out", path: () => "/staff/sign-in" },
  "app/(staff)/staff/page.tsx": editors(() => "/staff"),
  "app/(staff)/staff/filings/page.tsx": editors(() => "/staff/filings"),
  "app/(staff)/staff/filings/new/page.tsx": editors(() => "/staff/filings/new"),
  "app/(staff)/staff/filings/[id]/page.tsx": editors((ids) => `/staff/filings/${ids.filing}`),
  "app/(staff)/staff/lawsuits/page.tsx": editors(() => "/staff/lawsuits"),
  "app/(staff)/staff/lawsuits/new/page.tsx": editors(() => "/staff/lawsuits/new"),
  "app/(staff)/staff/lawsuits/[id]/page.tsx": editors((ids) => `/staff/lawsuits/${ids.lawsuit}`),
  "app/(staff)/staff/lawsuits/[id]/coding/page.tsx": editors((ids) => `/staff/lawsuits/${ids.lawsuit}/coding`),
  "app/(staff)/staff/courts/page.tsx": editors(() => "/staff/courts"),
  "app/(staff)/staff/courts/new/page.tsx": editors(() => "/staff/courts/new"),
  "app/(staff)/staff/courts/[id]/page.tsx": editors((ids) => `/staff/courts/${ids.court}`),
  "app/(staff)/staff/policies/page.tsx": editors(() => "/staff/policies"),
  "app/(staff)/staff/policies/new/page.tsx": editors(() => "/staff/policies/new"),
  // The founding coding's policy (prisma/data/family-separation-2018.coding.json), in every seed.
  "app/(staff)/staff/policies/[id]/page.tsx": editors(() => "/staff/policies/family-separation-zero-tolerance-2018"),
  "app/(staff)/staff/issue-areas/page.tsx": { access: "admin", path: () => "/staff/issue-areas" },
  "app/(staff)/staff/issue-areas/new/page.tsx": { access: "admin", path: () => "/staff/issue-areas/new" },
  "app/(staff)/staff/issue-areas/[slug]/page.tsx": { access: "admin", path: () => "/staff/issue-areas/immigration" },
  "app/(staff)/staff/officials/page.tsx": editors(() => "/staff/officials"),
  "app/(staff)/staff/officials/new/page.tsx": editors(() => "/staff/officials/new"),
  "app/(staff)/staff/officials/[id]/page.tsx": editors((ids) => `/staff/officials/${ids.official}`),
  "app/(staff)/staff/upload/page.tsx": editors(() => "/staff/upload"),
  "app/(staff)/staff/upload/[id]/page.tsx": { ...editors(() => `/staff/upload/${NO_UPLOAD}`), absent: true },
  "app/(staff)/staff/upload/file/route.ts": { ...editors(() => "/staff/upload/file"), method: "POST" },
  "app/(staff)/staff/users/page.tsx": { access: "admin", path: () => "/staff/users" },
};

/** How the matrix calls an action: with a form's (state, FormData), one payload object, or nothing. */
export type ActionArguments = "form" | "payload" | "none";

export interface ActionRule {
  access: Access;
  /** Arguments shaped as the action's form sends them, with nothing filled in: a caller who may use it gets the form's problems back, and nothing changes. */
  args: ActionArguments;
  /** What a caller who may use the action gets, when not the action's own answer (signing out leads to the sign-in page). */
  permitted?: Answer;
  /** Callers the matrix does not send it for, and why. */
  skip?: { callers: Caller[]; why: string };
}

export const ACTION_RULES: Record<string, ActionRule> = {
  signIn: { access: "anyone", args: "form" },
  signOut: {
    access: "anyone",
    args: "none",
    permitted: "sign-in",
    skip: { callers: ["editor", "admin"], why: "it ends the session the rest of the matrix uses (e2e/staff-accounts signs out through the page)" },
  },
  createAccount: { access: "admin", args: "form" },
  changeRole: { access: "admin", args: "form" },
  setAccountEnabled: { access: "admin", args: "form" },
  saveFilingAction: { access: "editor", args: "payload" },
  saveLawsuitAction: { access: "editor", args: "payload" },
  saveCourtAction: { access: "editor", args: "payload" },
  saveOfficialAction: { access: "editor", args: "payload" },
  savePolicyAction: { access: "editor", args: "payload" },
  saveLawsuitCodingAction: { access: "editor", args: "payload" },
  saveIssueAreaAction: { access: "admin", args: "payload" },
  changeRecordLifecycleAction: { access: "editor", args: "payload" },
  revertToRevisionAction: { access: "editor", args: "form" },
  applyUploadAction: { access: "editor", args: "form" },
  previewUploadAgainAction: { access: "editor", args: "form" },
  searchFilingsAction: { access: "editor", args: "payload" },
  searchLawsuitsAction: { access: "editor", args: "payload" },
  listCourtsAction: { access: "editor", args: "none" },
};

/** What `caller` must get from a route or action that `access` guards. */
export function expectedAnswer(access: Access, caller: Caller, permitted: Answer = "ok"): Answer {
  const role: StaffRole | null = caller === "editor" || caller === "admin" ? caller : null;
  switch (access) {
    case "anyone":
      return permitted;
    case "signed-out":
      return role ? "staff-home" : permitted;
    default:
      if (!role) return "sign-in";
      return roleSatisfies(role, access) ? permitted : "forbidden";
  }
}
