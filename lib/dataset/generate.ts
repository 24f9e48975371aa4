// Synthetic docketline/v1 datasets for tests and benchmarks: deterministic for a seed,
// shaped like real multistate litigation (coalitions of states with a lead, threads of
// motion → response → reply → order, demands decided by orders, dates of every
// precision). Never committed: generate them when needed (`npm run generate`).
import { Faker, en } from "@faker-js/faker";

import type { DatasetInput } from "@/lib/dataset/schema";
import { DEMAND_OUTCOMES, FILING_KINDS, LAWSUIT_STATUSES } from "@/lib/dataset/schema";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";

export interface GenerateOptions {
  filings: number;
  seed?: number;
  /** Filings per lawsuit, on average; the rest are letters and statements. */
  filingsPerLawsuit?: number;
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

export function generateDataset(options: GenerateOptions): DatasetInput {
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

  const filings: NonNullable<DatasetInput["filings"]> = [];
  const byLawsuit = new Map<string, { id: string; kind: string }[]>();
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
    filings.push({
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
    });
    if (lawsuit) {
      if (!byLawsuit.has(lawsuit.id)) byLawsuit.set(lawsuit.id, []);
      byLawsuit.get(lawsuit.id)!.push({ id, kind });
    }
  }

  return {
    format: "docketline/v1",
    title: `Synthetic dataset of ${options.filings} filings (seed ${options.seed ?? 1})`,
    courts: COURTS,
    officials,
    lawsuits,
    filings,
  };
}
