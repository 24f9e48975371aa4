// Synthetic docketline/v1 datasets for tests and benchmarks: deterministic for a seed,
// shaped like real multistate litigation (coalitions of states with a lead, threads of
// motion → response → reply → order, demands decided by orders, dates of every
// precision), and with `coding`, the research coding of the lawsuits (policies with
// their agencies and dates, issue areas, each state's side, outcomes decided by orders,
// relief milestones). Never committed: generate them when needed (`npm run generate`).
import { Faker, en } from "@faker-js/faker";

import { jsonArray } from "@/lib/dataset/records";
import type { DatasetInput } from "@/lib/dataset/schema";
import { DEMAND_OUTCOMES, FILING_KINDS, LAWSUIT_STATUSES } from "@/lib/dataset/schema";
import { OUTCOME_CLASSES, RELIEF_KINDS, RELIEF_SCOPES, RELIEF_STATUSES, STATE_SIDES } from "@/lib/dataset/vocabulary";
import { periodOf } from "@/lib/dates/partial-date";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";

export interface GenerateOptions {
  filings: number;
  seed?: number;
  /** Filings per lawsuit, on average; the rest are letters and statements. */
  filingsPerLawsuit?: number;
  /**
   * Also the research coding (`policies`, `coding`). Off by default: the datasets that
   * tests and fixtures were made from stay what they were. The coding draws from a
   * random stream of its own, so the rest of the dataset is the same with or without it.
   */
  coding?: boolean;
}

const CATEGORIES = ["reunification", "family-separation", "asylum-processing", "family-detention", "procedure", "environment", "health-care", "voting", "education", "consumer-protection"];
const COURTS = [
  { id: "dcd", shortName: "D.D.C.", fullName: "U.S. District Court for the District of Columbia" },
  { id: "wawd", shortName: "W.D. Wash.", fullName: "U.S. District Court for the Western District of Washington" },
  { id: "casd", shortName: "S.D. Cal.", fullName: "U.S. District Court for the Southern District of California" },
  { id: "nysd", shortName: "S.D.N.Y.", fullName: "U.S. District Court for the Southern District of New York" },
  { id: "ca9", shortName: "9th Cir.", fullName: "U.S. Court of Appeals for the Ninth Circuit" },
  { id: "cadc", shortName: "D.C. Cir.", fullName: "U.S. Court of Appeals for the District of Columbia Circuit" },
];

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A generated dataset in the parts it is written in: the records filings refer to, then
 * the filings, made one at a time as they are asked for, then, once every filing is made,
 * the coding. A file of a million filings is never whole in memory: what is kept is each
 * lawsuit's filings' ids and kinds (about 75 bytes a filing), which later filings answer
 * and the coding cites.
 */
interface GeneratedDataset {
  head: Pick<DatasetInput, "format" | "title" | "courts" | "officials" | "lawsuits">;
  filings: Generator<Filing>;
  /** The coding of the lawsuits, with --coding; null without. Only after the last filing. */
  coding(): Pick<DatasetInput, "policies" | "coding"> | null;
}

type Filing = NonNullable<DatasetInput["filings"]>[number];

function generateParts(options: GenerateOptions): GeneratedDataset {
  const faker = new Faker({ locale: [en] });
  faker.seed(options.seed ?? 1);
  const perLawsuit = options.filingsPerLawsuit ?? 20;
  const lawsuitCount = Math.max(1, Math.round((options.filings * 0.9) / perLawsuit));

  const officials = JURISDICTIONS.map((j) => ({
    id: `ag-${j.code.toLowerCase()}`,
    name: faker.person.fullName(),
    office: "Attorney General",
    jurisdiction: j.code,
    termStart: `${faker.number.int({ min: 2005, max: 2019 })}-01-01`,
  }));

  const randomDate = (fromYear: number, toYear: number) => {
    const year = faker.number.int({ min: fromYear, max: toYear });
    const month = faker.number.int({ min: 1, max: 12 });
    const day = faker.number.int({ min: 1, max: 28 });
    const precision = faker.number.float() ;
    // Most dates are known to the day; some only to the month or the year.
    if (precision < 0.9) return `${year}-${pad(month)}-${pad(day)}`;
    if (precision < 0.97) return `${year}-${pad(month)}`;
    return String(year);
  };

  const coalition = (size: number) => {
    const members = faker.helpers.arrayElements(JURISDICTIONS, size);
    return members.map((j, i) => ({ jurisdiction: j.code, role: i === 0 ? "lead" : i === 1 && faker.datatype.boolean(0.2) ? "co-lead" : "joined" }) as const);
  };

  const lawsuits = Array.from({ length: lawsuitCount }, (_, i) => {
    const plaintiffs = coalition(faker.number.int({ min: 2, max: 24 }));
    const lead = JURISDICTIONS.find((j) => j.code === plaintiffs[0].jurisdiction)!;
    const defendant = faker.company.name();
    return {
      id: `lawsuit-${i + 1}`,
      caseName: `State of ${lead.name} et al. v. ${defendant} et al.`,
      caseNameShort: `${lead.name} v. ${defendant}`,
      court: faker.helpers.arrayElement(COURTS).id,
      docketNumber: `${faker.number.int({ min: 1, max: 3 })}:${faker.number.int({ min: 10, max: 25 })}-cv-${String(faker.number.int({ min: 1, max: 9999 })).padStart(5, "0")}`,
      dateFiled: randomDate(2010, 2024),
      status: faker.helpers.arrayElement(LAWSUIT_STATUSES),
      summary: faker.lorem.paragraph(),
      plaintiffs,
      otherParties: [{ name: defendant, side: "defendant" as const }],
      related: [],
      sources: [{ url: `https://example.org/lawsuits/${i + 1}`, title: `Complaint in ${lead.name} v. ${defendant}`, publisher: "Example Court Records" }],
    };
  });

  // Every filing of each lawsuit, as it is made: what later filings answer, and what the coding cites.
  const byLawsuit = new Map<string, { id: string; kind: string }[]>();
  let made = 0;
  function* filings(): Generator<Filing> {
    for (let i = 0; i < options.filings; i++) {
      const outside = faker.datatype.boolean(0.1);
      const lawsuit = outside ? null : lawsuits[faker.number.int({ min: 0, max: lawsuits.length - 1 })];
      const kind = outside ? faker.helpers.arrayElement(["letter", "statement"] as const) : faker.helpers.arrayElement(FILING_KINDS);
      const id = `filing-${i + 1}`;
      const earlier = lawsuit ? byLawsuit.get(lawsuit.id) ?? [] : [];
      // A response, reply or order answers an earlier filing in the same lawsuit.
      const respondsTo = ["response", "reply", "order"].includes(kind) && earlier.length > 0 ? faker.helpers.arrayElement(earlier).id : undefined;
      const orders = earlier.filter((f) => f.kind === "order");
      const states = kind === "order" || kind === "hearing" ? [] : coalition(faker.number.int({ min: 0, max: 22 }));
      const filing: Filing = {
        id,
        lawsuit: lawsuit?.id ?? null,
        kind,
        title: `${kind === "amicus-brief" ? "Brief of the States as amici curiae" : faker.lorem.sentence({ min: 4, max: 12 }).replace(/\.$/, "")}`,
        dateFiled: randomDate(2010, 2025),
        ...(lawsuit && faker.datatype.boolean(0.7) ? { entryNumber: faker.number.int({ min: 1, max: 900 }) } : {}),
        filedBy: states.length ? "State attorneys general" : kind === "order" ? "court" : "defendants",
        ...(respondsTo ? { respondsTo } : {}),
        summary: faker.lorem.paragraph({ min: 1, max: 4 }),
        states: states.map((s) => ({ ...s, ...(faker.datatype.boolean(0.3) ? { official: `ag-${s.jurisdiction.toLowerCase()}` } : {}) })),
        demands: Array.from({ length: faker.number.int({ min: 0, max: 4 }) }, () => ({
          text: faker.lorem.sentence(),
          category: faker.helpers.arrayElement(CATEGORIES),
          outcome: faker.helpers.arrayElement(DEMAND_OUTCOMES),
          ...(orders.length && faker.datatype.boolean(0.5) ? { decidedBy: faker.helpers.arrayElement(orders).id } : {}),
        })),
        sources: [{ url: `https://example.org/filings/${i + 1}`, title: faker.lorem.words(4), publisher: faker.company.name() }],
      };
      if (lawsuit) {
        if (!byLawsuit.has(lawsuit.id)) byLawsuit.set(lawsuit.id, []);
        byLawsuit.get(lawsuit.id)!.push({ id, kind });
      }
      made++;
      yield filing;
    }
  }

  const head = {
    format: "docketline/v1",
    title: `Synthetic dataset of ${options.filings} filings (seed ${options.seed ?? 1})`,
    courts: COURTS,
    officials,
    lawsuits,
  } satisfies GeneratedDataset["head"];
  return {
    head,
    filings: filings(),
    coding() {
      if (made < options.filings) throw new Error("The coding of a generated dataset cites its filings: make them all first");
      return options.coding ? generateCoding(options.seed ?? 1, lawsuits, byLawsuit) : null;
    },
  };
}

/** A generated dataset, whole, in memory: for tests and a few thousand filings. */
export function generateDataset(options: GenerateOptions): DatasetInput {
  const { head, filings, coding } = generateParts(options);
  return { ...head, filings: [...filings], ...coding() };
}

/**
 * The text of serializeDataset(generateDataset(options)), written as it is made, a
 * thousand filings at a time: no text or filing is kept once written.
 * `made` counts the lawsuits, coded lawsuits and policies written.
 */
export async function* generateDatasetText(
  options: GenerateOptions,
  made: { lawsuits: number; coded: number; policies: number } = { lawsuits: 0, coded: 0, policies: 0 },
): AsyncGenerator<string> {
  const { head, filings, coding } = generateParts(options);
  made.lawsuits = head.lawsuits?.length ?? 0;
  yield `{\n  "format": ${JSON.stringify(head.format)},\n  "title": ${JSON.stringify(head.title)},\n`;
  for (const key of ["courts", "officials", "lawsuits"] as const) {
    yield* jsonArray(key, [head[key] ?? []]);
    yield ",\n";
  }
  yield* jsonArray("filings", inBatches(filings, 1000));
  const coded = coding();
  if (coded) {
    made.coded = coded.coding?.length ?? 0;
    made.policies = coded.policies?.length ?? 0;
    yield ",\n";
    yield* jsonArray("policies", [coded.policies ?? []]);
    yield ",\n";
    yield* jsonArray("coding", [coded.coding ?? []]);
  }
  yield "\n}\n";
}

function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Slugs of the issue areas that migration 20261212093000 seeds: the coding names these
 * rather than bringing a vocabulary of its own (tests/generate-coding.test.ts holds this
 * list to the seeded table).
 */
export const SEEDED_ISSUE_AREAS = [
  "immigration", "environment", "energy", "health-care", "education", "civil-rights",
  "consumer-protection", "labor", "elections", "federal-funding", "firearms",
] as const;

const AGENCIES = [
  "U.S. Department of Homeland Security", "U.S. Department of Justice", "U.S. Environmental Protection Agency",
  "U.S. Department of Education", "U.S. Department of Health and Human Services", "U.S. Department of Labor",
  "U.S. Department of the Interior", "U.S. Department of Energy", "U.S. Department of Agriculture",
  "U.S. Department of Commerce", "U.S. Department of the Treasury", "U.S. Department of State",
  "U.S. Department of Transportation", "U.S. Department of Housing and Urban Development",
  "Consumer Financial Protection Bureau", "Federal Communications Commission", "Office of Management and Budget",
  "U.S. Citizenship and Immigration Services", "Bureau of Alcohol, Tobacco, Firearms and Explosives",
  "Centers for Medicare & Medicaid Services", "Federal Energy Regulatory Commission", "U.S. Census Bureau",
];
const POLICY_FORMS = ["rule", "interim final rule", "memorandum", "executive order", "guidance", "policy statement"];

/** A day `days` after the end of a partial date's period: on or after it, whatever its precision. */
function dayAfter(date: string, days: number): string {
  const end = new Date(`${periodOf(date).end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days);
  return end.toISOString().slice(0, 10);
}

/**
 * The research coding of a generated dataset: a policy for about every ten lawsuits
 * (one or two agencies, a date announced, one or two issue areas), and for four lawsuits
 * in five their policies, issue areas, the plaintiffs' side (and a few states on either
 * side as amici or defending), an outcome (decided by one of the lawsuit's orders, or
 * citing a source) and relief milestones, all dated on or after the lawsuit was filed
 * and citing a filing of the same lawsuit or a source, as the importer requires.
 */
function generateCoding(seed: number, lawsuits: NonNullable<DatasetInput["lawsuits"]>, filingsOf: Map<string, { id: string; kind: string }[]>): Pick<DatasetInput, "policies" | "coding"> {
  const faker = new Faker({ locale: [en] });
  // A stream of its own: the same filings with or without the coding.
  faker.seed([seed, 12]);
  const source = (what: string, n: number) => ({ url: `https://example.org/coding/${what}/${n}`, title: `${what} ${n}`, publisher: "Example Research" });

  const policies = Array.from({ length: Math.max(1, Math.round(lawsuits.length / 10)) }, (_, i) => ({
    id: `policy-${i + 1}`,
    name: `${faker.lorem.words({ min: 2, max: 5 }).replace(/^./, (c) => c.toUpperCase())} ${faker.helpers.arrayElement(POLICY_FORMS)}`,
    agencies: faker.helpers.arrayElements(AGENCIES, { min: 1, max: 2 }),
    dateAnnounced: `${faker.number.int({ min: 2009, max: 2024 })}-${pad(faker.number.int({ min: 1, max: 12 }))}${faker.datatype.boolean(0.7) ? `-${pad(faker.number.int({ min: 1, max: 28 }))}` : ""}`,
    ...(faker.datatype.boolean(0.5) ? { citation: `${faker.number.int({ min: 74, max: 89 })} Fed. Reg. ${faker.number.int({ min: 1000, max: 90000 })}` } : {}),
    issueAreas: faker.helpers.arrayElements(SEEDED_ISSUE_AREAS, { min: 1, max: 2 }),
    sources: [source("policy", i + 1)],
  }));

  /** A filing of the lawsuit or a source: what a coded value cites. */
  const citation = (filings: { id: string }[], what: string, n: number) =>
    filings.length > 0 && faker.datatype.boolean(0.8) ? { filing: faker.helpers.arrayElement(filings).id } : { sources: [source(what, n)] };

  const coding = lawsuits
    .filter(() => faker.datatype.boolean(0.8))
    .map((lawsuit, n) => {
      const filings = filingsOf.get(lawsuit.id) ?? [];
      const orders = filings.filter((f) => f.kind === "order");
      const plaintiffs = (lawsuit.plaintiffs ?? []).map((p) => p.jurisdiction);
      const others = faker.helpers.arrayElements(
        JURISDICTIONS.filter((j) => !plaintiffs.includes(j.code)),
        faker.number.int({ min: 0, max: 3 }),
      );
      const outcomeClass = faker.helpers.arrayElement(OUTCOME_CLASSES);
      const decided = outcomeClass !== "unknown" && outcomeClass !== "pending";
      const decidingOrder = decided && orders.length > 0 ? faker.helpers.arrayElement(orders).id : undefined;
      return {
        lawsuit: lawsuit.id,
        policies: faker.helpers.arrayElements(policies, { min: 1, max: 2 }).map((p) => p.id),
        issueAreas: faker.helpers.arrayElements(SEEDED_ISSUE_AREAS, { min: 1, max: 2 }),
        sources: [source("classification", n + 1)],
        stateSides: [
          ...plaintiffs.map((jurisdiction) => ({ jurisdiction, side: "plaintiff" as const, ...citation(filings, "side", n + 1) })),
          ...others.map((j) => ({ jurisdiction: j.code, side: faker.helpers.arrayElement(STATE_SIDES.filter((side) => side !== "plaintiff")), ...citation(filings, "side", n + 1) })),
        ],
        outcome:
          outcomeClass === "unknown"
            ? { class: outcomeClass, sources: [] }
            : {
                class: outcomeClass,
                ...(decided ? { date: dayAfter(lawsuit.dateFiled, faker.number.int({ min: 30, max: 1500 })) } : {}),
                ...(decidingOrder ? { decidedBy: decidingOrder, sources: [] } : { sources: [source("outcome", n + 1)] }),
              },
        reliefMilestones: Array.from({ length: faker.number.int({ min: 0, max: 3 }) }, (_, m) => ({
          relief: faker.helpers.arrayElement(RELIEF_KINDS),
          status: faker.helpers.arrayElement(RELIEF_STATUSES),
          date: dayAfter(lawsuit.dateFiled, faker.number.int({ min: 1, max: 700 })),
          ...(faker.datatype.boolean(0.6) ? { scope: faker.helpers.arrayElement(RELIEF_SCOPES) } : {}),
          ...citation(filings, "relief", n * 4 + m + 1),
        })),
      };
    });
  return { policies, coding } as Pick<DatasetInput, "policies" | "coding">;
}
