// Insights into the research coding (lib/insights/coding.ts, docs/decisions/026) against
// the founding dataset and a richer copy of its coding. The oracle counts from the export
// (the dataset and coding as docketline/v1 records) and the outcome groups, never from
// the insights' SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { OUTCOME_GROUP_OF, OUTCOME_GROUPS, SIDE_GROUP_OF, type OutcomeGroup } from "@/lib/coding/groups";
import type { LawsuitCodingRecord } from "@/lib/dataset/schema";
import { parseFilter, type Filter } from "@/lib/filters/schema";
import { DAYS_TO_RULING_BOUNDS, getCodingInsights, type CodingInsights } from "@/lib/insights/coding";

import { CALIFORNIA, createCodedDatabase, FLORES_APPEAL } from "./support/coding";
import type { TestDatabase } from "./support/database";

const WASHINGTON = "washington-v-united-states-2018";

interface ExportedFiling {
  id: string;
  lawsuit: string | null;
  states: { jurisdiction: string; role: string }[];
}
interface ExportedLawsuit {
  id: string;
  dateFiled: string;
}

let database: TestDatabase;
let filings: ExportedFiling[];
let lawsuits: Map<string, ExportedLawsuit>;
let coding: Map<string, LawsuitCodingRecord>;
let administrationOf: Map<string, string | null>;

beforeAll(async () => {
  const coded = await createCodedDatabase();
  database = coded.database;
  filings = coded.exported.filings as unknown as ExportedFiling[];
  lawsuits = new Map((coded.exported.lawsuits as unknown as ExportedLawsuit[]).map((l) => [l.id, l]));
  coding = new Map((coded.exported.coding as unknown as LawsuitCodingRecord[]).map((c) => [c.lawsuit, c]));
  administrationOf = coded.administrationOf;
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await database.drop();
});

function filterOf(params: Record<string, string>): Filter {
  const parsed = parseFilter(params, { strict: true });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.filter;
}

const groupOf = (lawsuit: string): OutcomeGroup => OUTCOME_GROUP_OF[coding.get(lawsuit)?.outcome.class ?? "unknown"];
/** The lawsuits of the filings, each once. */
const lawsuitsOf = (ids: string[]) => [...new Set(filings.filter((f) => ids.includes(f.id) && f.lawsuit).map((f) => f.lawsuit!))];
const allLawsuits = () => lawsuitsOf(filings.map((f) => f.id));

function expectedCounts(ofLawsuits: string[]): Record<OutcomeGroup, number> {
  const counts = Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, 0])) as Record<OutcomeGroup, number>;
  for (const lawsuit of ofLawsuits) counts[groupOf(lawsuit)] += 1;
  return counts;
}

describe("Outcomes for the states", () => {
  let insights: CodingInsights;
  beforeAll(async () => {
    insights = await getCodingInsights(filterOf({}));
  });

  it("counts every lawsuit of the public filings once, by administration and outcome group", () => {
    const all = allLawsuits();
    expect(insights.lawsuits).toBe(all.length);
    const administrations = [...new Set(all.map((l) => administrationOf.get(l) ?? ""))];
    expect(insights.byAdministration.map((row) => row.key).sort()).toEqual(administrations.sort());
    for (const row of insights.byAdministration) {
      const of = all.filter((l) => (administrationOf.get(l) ?? "") === row.key);
      expect(row.counts, row.key).toEqual(expectedCounts(of));
      expect(row.total).toBe(of.length);
    }
    // Administrations in the order of their terms.
    expect(insights.byAdministration.map((row) => row.key)).toEqual(["reagan", "trump-1"].filter((k) => administrations.includes(k)));
  });

  it("shows the Washington lawsuit's outcome (unknown) in the first Trump administration's row", () => {
    expect(groupOf(WASHINGTON)).toBe("unknown");
    const trump = insights.byAdministration.find((row) => row.key === "trump-1")!;
    expect(trump.label).toBe("First Trump administration");
    expect(trump.counts.unknown).toBeGreaterThanOrEqual(1);
    expect(trump.counts.won).toBe(1); // California v. McAleenan, success by injunction only, in the richer coding
  });

  it("counts by issue area each lawsuit once per area it is coded with, and those without an area apart", () => {
    const all = allLawsuits();
    for (const row of insights.byIssueArea) {
      const of = all.filter((l) => (row.key === "" ? !coding.get(l)?.issueAreas.length : coding.get(l)?.issueAreas.includes(row.key)));
      expect(row.counts, row.key).toEqual(expectedCounts(of));
    }
    expect(insights.byIssueArea.find((row) => row.key === "immigration")?.label).toBe("Immigration");
  });

  it("follows the filter: issue area immigration in the first Trump administration", async () => {
    const filter = filterOf({ issueArea: "immigration", administration: "trump-1" });
    const filtered = await getCodingInsights(filter);
    expect(filtered.byAdministration.map((row) => row.key)).toEqual(["trump-1"]);
    const expected = allLawsuits().filter((l) => administrationOf.get(l) === "trump-1" && coding.get(l)?.issueAreas.includes("immigration"));
    expect(filtered.lawsuits).toBe(expected.length);
    expect(expected).toContain(WASHINGTON);
  });

  it("counts nothing under a filter that matches no filing", async () => {
    const none = await getCodingInsights(filterOf({ administration: "biden" }));
    expect(none.lawsuits).toBe(0);
    expect(none.byAdministration).toEqual([]);
    expect(none.states).toEqual([]);
    expect(none.bothSides).toEqual({ total: 0, listed: [] });
  });
});

describe("Each state's record", () => {
  it("counts the lawsuits each state has a side in, those it led a filing of, and how its challenges ended", async () => {
    const { states } = await getCodingInsights(filterOf({}));
    const codes = new Set([...coding.values()].flatMap((c) => c.stateSides.map((s) => s.jurisdiction)));
    expect(states.map((s) => s.code).sort()).toEqual([...codes].sort());
    for (const state of states) {
      const sides = [...coding.values()].flatMap((c) => c.stateSides.filter((s) => s.jurisdiction === state.code).map((s) => ({ lawsuit: c.lawsuit, side: s.side })));
      const led = sides.filter(({ lawsuit }) => filings.some((f) => f.lawsuit === lawsuit && f.states.some((s) => s.jurisdiction === state.code && s.role === "lead")));
      const challenging = sides.filter((s) => SIDE_GROUP_OF[s.side] === "challenging").map((s) => s.lawsuit);
      expect({ lawsuits: state.lawsuits, led: state.led, defending: state.defending, outcomes: state.outcomes }, state.code).toEqual({
        lawsuits: sides.length,
        led: led.length,
        defending: sides.length - challenging.length,
        outcomes: expectedCounts(challenging),
      });
    }
    expect(states.find((s) => s.code === "WA")!.led).toBeGreaterThan(0);
    expect(states.find((s) => s.code === "TX")).toMatchObject({ lawsuits: 1, defending: 1 });
  });
});

describe("Time from complaint to the first preliminary-injunction ruling", () => {
  it("measures each lawsuit's first ruling from its date filed, with the median and ranges of days", async () => {
    const { timeToInjunction } = await getCodingInsights(filterOf({}));
    const days = [...coding.values()]
      .map((c) => {
        const rulings = c.reliefMilestones.filter((m) => m.relief === "preliminary-injunction" && (m.status === "granted" || m.status === "denied") && m.date);
        const first = rulings.map((m) => m.date!).sort()[0];
        const filed = lawsuits.get(c.lawsuit)!.dateFiled;
        return first ? (Date.parse(first) - Date.parse(filed)) / 86_400_000 : null;
      })
      .filter((d): d is number => d !== null)
      .sort((a, b) => a - b);
    // Ms. L. (26 February to 26 June 2018) and California v. McAleenan in the richer coding.
    expect(days).toEqual([32, 120]);
    expect(timeToInjunction.measured).toBe(2);
    expect(timeToInjunction.medianDays).toBe((days[0] + days[1]) / 2);
    const rangeOf = (d: number) => DAYS_TO_RULING_BOUNDS.findIndex((bound) => d <= bound);
    expect(timeToInjunction.ranges.map((r) => r.count)).toEqual(timeToInjunction.ranges.map((_, i) => days.filter((d) => (rangeOf(d) === -1 ? DAYS_TO_RULING_BOUNDS.length : rangeOf(d)) === i).length));
    expect(timeToInjunction.imprecise).toBe(0);
  });
});

describe("States on both sides", () => {
  it("lists the lawsuits with states challenging and defending, naming each side's states", async () => {
    const { bothSides } = await getCodingInsights(filterOf({}));
    expect(bothSides.total).toBe(1);
    expect(bothSides.listed).toHaveLength(1);
    const [flores] = bothSides.listed;
    expect(flores.id).toBe(FLORES_APPEAL);
    expect(flores.sides.defending).toEqual(["TX"]);
    expect(flores.sides.challenging).toEqual(coding.get(FLORES_APPEAL)!.stateSides.filter((s) => s.side === "amicus-plaintiff-side").map((s) => s.jurisdiction));
    expect((await getCodingInsights(filterOf({ lawsuit: CALIFORNIA }))).bothSides.total).toBe(0);
  });
});
