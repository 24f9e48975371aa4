// The filters on the research coding (issue 12 item 3, docs/decisions/026) through the
// timeline's public reads: every filter, alone and combined with the others and with the
// state filter, selects exactly the filings that the exported dataset and coding say it
// should (computed here from the export, not from the filter's SQL), the total agrees
// on every path that counts it, and each coding facet's count of a value is the count
// of the filter with that value chosen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { LawsuitCodingRecord, PolicyRecord } from "@/lib/dataset/schema";
import { OUTCOME_CLASSES, STATE_SIDES } from "@/lib/dataset/vocabulary";
import { describeFilterInWords } from "@/lib/exports/describe";
import { filterToSearchParams, parseFilter, type Filter } from "@/lib/filters/schema";
import { countTimeline, getTimeline, getTimelineFacets, getTimelinePage, MAX_PAGE_SIZE, type TimelineFacets } from "@/lib/timeline/queries";

import { createCodedDatabase } from "./support/coding";
import type { TestDatabase } from "./support/database";

const WASHINGTON = "washington-v-united-states-2018";

let database: TestDatabase;
interface Expected {
  filings: { id: string; lawsuit: string | null; states: { jurisdiction: string }[] }[];
  coding: Map<string, LawsuitCodingRecord>;
  policies: Map<string, PolicyRecord>;
  administrations: Map<string, string | null>;
}
let data: Expected;

beforeAll(async () => {
  const coded = await createCodedDatabase();
  database = coded.database;
  data = {
    filings: coded.exported.filings as unknown as Expected["filings"],
    coding: new Map((coded.exported.coding as unknown as LawsuitCodingRecord[]).map((c) => [c.lawsuit, c])),
    policies: new Map((coded.exported.policies as unknown as PolicyRecord[]).map((p) => [p.id, p])),
    administrations: coded.administrationOf,
  };
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await database.drop();
});

/** A filter as the page or the API reads it from a query, refusing any problem. */
function filterOf(params: Record<string, string | string[]>): Filter {
  const parsed = parseFilter(params, { strict: true });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.filter;
}

/** Whether a lawsuit's coding meets the filter's coding conditions, read from the export. */
function lawsuitMatches(lawsuit: string, filter: Filter): boolean {
  const coding = data.coding.get(lawsuit);
  const sides = coding?.stateSides ?? [];
  if (filter.side) {
    const sideOf = (state: string) => sides.some((s) => s.jurisdiction === state && s.side === filter.side);
    const states = filter.state;
    const ok = !states.length ? sides.some((s) => s.side === filter.side) : filter.match === "all" && states.length > 1 ? states.every(sideOf) : states.some(sideOf);
    if (!ok) return false;
  }
  if (filter.issueArea && !coding?.issueAreas.includes(filter.issueArea)) return false;
  if (filter.policy && !coding?.policies.includes(filter.policy)) return false;
  if (filter.agency && !coding?.policies.some((p) => data.policies.get(p)!.agencies.includes(filter.agency!))) return false;
  if (filter.administration && data.administrations.get(lawsuit) !== filter.administration) return false;
  if (filter.lawsuitOutcome && (coding?.outcome.class ?? "unknown") !== filter.lawsuitOutcome) return false;
  if (filter.relief || filter.reliefStatus) {
    const milestones = coding?.reliefMilestones ?? [];
    if (!milestones.some((m) => (!filter.relief || m.relief === filter.relief) && (!filter.reliefStatus || m.status === filter.reliefStatus))) return false;
  }
  return true;
}

const hasCodingFilter = (f: Filter) => Boolean(f.side || f.issueArea || f.policy || f.agency || f.administration || f.lawsuitOutcome || f.relief || f.reliefStatus);

/** The ids the filter should select (its coding conditions and states; the tests use no others). */
function expectedIds(filter: Filter): string[] {
  return data.filings
    .filter((f) => {
      if (filter.state.length) {
        const joined = (code: string) => f.states.some((s) => s.jurisdiction === code);
        if (!(filter.match === "all" ? filter.state.every(joined) : filter.state.some(joined))) return false;
      }
      if (!hasCodingFilter(filter)) return true;
      return f.lawsuit !== null && lawsuitMatches(f.lawsuit, filter);
    })
    .map((f) => f.id)
    .sort();
}

const FILTERS: Record<string, string | string[]>[] = [
  { issueArea: "immigration" },
  { issueArea: "environment" },
  { issueArea: "immigration", administration: "trump-1" },
  { administration: "trump-1" },
  { administration: "reagan" },
  { administration: "biden" },
  { policy: "family-separation-zero-tolerance-2018" },
  { agency: "U.S. Department of Homeland Security" },
  { agency: "DHS" },
  { lawsuitOutcome: "unknown" },
  { lawsuitOutcome: "settled" },
  { lawsuitOutcome: "success-injunction-only" },
  { relief: "preliminary-injunction" },
  { reliefStatus: "granted" },
  { relief: "preliminary-injunction", reliefStatus: "granted" },
  { relief: "tro", reliefStatus: "granted" },
  { side: "plaintiff" },
  { side: "amicus-defendant-side" },
  { side: "plaintiff", state: "WA" },
  { side: "amicus-plaintiff-side", state: "CA" },
  { side: "amicus-defendant-side", state: "CA" },
  { side: "plaintiff", state: ["CA", "WA"] },
  { side: "plaintiff", state: ["CA", "WA"], match: "all" },
  { side: "intervenor-plaintiff", state: ["CA", "WA"] },
  { state: "TX" },
  { issueArea: "immigration", side: "plaintiff", lawsuitOutcome: "unknown", administration: "trump-1" },
];

describe("Filters on the research coding", () => {
  it("holds a non-trivial set: each filter selects some filings and leaves others out, or none at all for a value no lawsuit has", () => {
    const sizes = FILTERS.map((params) => expectedIds(filterOf(params)).length);
    expect(sizes.filter((n) => n > 0 && n < data.filings.length).length).toBeGreaterThan(15);
    expect(sizes).toContain(0);
  });

  it.each(FILTERS.map((params) => [filterToSearchParams(filterOf(params)).toString(), params] as const))("%s selects exactly the filings the coding says, with the same total everywhere", async (_, params) => {
    const filter = filterOf(params);
    const expected = expectedIds(filter);
    const page = await getTimelinePage(filter, MAX_PAGE_SIZE);
    expect(page.items.map((i) => i.id).sort()).toEqual(expected);
    expect(page.total).toBe(expected.length);
    expect(await countTimeline(filter)).toBe(expected.length);
    expect((await getTimeline(filter, 5)).page.total).toBe(expected.length);
  });

  it("finds the Washington lawsuit's filings under issue area immigration and the first Trump administration", async () => {
    const page = await getTimelinePage(filterOf({ issueArea: "immigration", administration: "trump-1" }), MAX_PAGE_SIZE);
    const washington = data.filings.filter((f) => f.lawsuit === WASHINGTON).map((f) => f.id);
    expect(washington.length).toBeGreaterThan(0);
    expect(page.items.map((i) => i.id)).toEqual(expect.arrayContaining(washington));
  });
});

const CODING_FACETS = ["side", "issueArea", "policy", "agency", "administration", "lawsuitOutcome", "relief", "reliefStatus"] as const satisfies (keyof TimelineFacets)[];

describe("Facet counts of the coding filters", () => {
  const FACET_FILTERS: Record<string, string | string[]>[] = [{}, { state: "CA" }, { state: ["CA", "TX"], match: "all" }, ...FILTERS.slice(0, 18), { kind: "order" }, { from: "2019" }];

  it.each(FACET_FILTERS.map((params) => [filterToSearchParams(filterOf(params)).toString() || "(no filter)", params] as const))(
    "under %s, each value's count is the count of the filter with that value chosen, and every value with filings is listed",
    async (_, params) => {
      const filter = filterOf(params);
      const facets = await getTimelineFacets(filter);
      for (const facet of CODING_FACETS) {
        for (const { value, count } of facets[facet]) {
          expect(count, `${facet}=${value}`).toBe(await countTimeline({ ...filter, [facet]: value }));
          // A value is listed with no filing only when it is the one chosen.
          if (count === 0) expect(filter[facet], `${facet}=${value}`).toBe(value);
        }
      }
      // Every value with filings is listed (expectedIds reads states and coding only).
      if (params.kind || params.from) return;
      for (const outcome of OUTCOME_CLASSES) {
        const expected = expectedIds({ ...filter, lawsuitOutcome: outcome }).length;
        expect(facets.lawsuitOutcome.find((v) => v.value === outcome)?.count ?? 0, outcome).toBe(expected);
      }
      for (const side of STATE_SIDES) {
        expect(facets.side.find((v) => v.value === side)?.count ?? 0, side).toBe(expectedIds({ ...filter, side }).length);
      }
    },
  );

  it("names issue areas, policies and administrations by their labels", async () => {
    const facets = await getTimelineFacets(filterOf({}));
    expect(facets.issueArea.find((v) => v.value === "immigration")?.label).toBe("Immigration");
    expect(facets.administration.find((v) => v.value === "trump-1")?.label).toBe("First Trump administration");
    expect(facets.policy.find((v) => v.value === "family-separation-zero-tolerance-2018")?.label).toBeTruthy();
  });
});

describe("The coding filters in words (feed and calendar titles, chips)", () => {
  it("names issue areas, policies and administrations by their names and codes by the codebook's labels", async () => {
    const filter = filterOf({ issueArea: "immigration", administration: "trump-1", policy: "family-separation-zero-tolerance-2018", lawsuitOutcome: "unknown", side: "plaintiff", state: "WA" });
    const words = await describeFilterInWords(database.sql, filter);
    const policy = (await database.sql<{ name: string }[]>`SELECT name FROM policy WHERE id = 'family-separation-zero-tolerance-2018'`)[0].name;
    expect(words).toBe(`State: Washington, Side: Plaintiff, Issue area: Immigration, Policy: ${policy}, Administration: First Trump administration, Lawsuit outcome: Unknown`);
  });
});

describe("Bad values of the coding filters", () => {
  it.each([
    ["side", "referee"],
    ["issueArea", "Immigration Law"],
    ["administration", "Trump 1"],
    ["lawsuitOutcome", "won"],
    ["relief", "injunction"],
    ["reliefStatus", "maybe"],
    ["agency", "DHS\u0000"],
  ])("%s=%s is refused naming the parameter, and the other filters still apply", (param, value) => {
    const result = parseFilter(new URLSearchParams([[param, value], ["state", "WA"]]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.param)).toEqual([param]);
    expect(result.problems[0].message.startsWith(param)).toBe(true);
    expect(result.filter.state).toEqual(["WA"]);
  });
});
