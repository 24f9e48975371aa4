// The policy and agency searches behind the filter panel's search fields and
// GET /api/v1/policies?q= and /api/v1/agencies?q=: a policy or agency that the panel's
// top 8 leave out is found by a word of its name, and its link filters by it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as agenciesRoute from "@/app/api/v1/agencies/route";
import * as policiesRoute from "@/app/api/v1/policies/route";
import { AgencyListSchema, PolicyListSchema } from "@/lib/api/schema";
import { getCodedNames } from "@/lib/coding/filter-names";
import { searchAgencies, searchPolicies } from "@/lib/coding/search";
import { importFoundingDataset } from "@/lib/dataset/founding";
import { importDatasetText } from "@/lib/dataset/import";
import { parseFilter } from "@/lib/filters/schema";
import { getTimeline } from "@/lib/timeline/queries";

import { manyPoliciesDataset } from "../e2e/support/many-policies";
import { createTestDatabase, type TestDatabase } from "./support/database";

const { dataset, rare } = manyPoliciesDataset("searchtest");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await importFoundingDataset(database.sql);
  await importDatasetText(database.sql, JSON.stringify(dataset));
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  const { getBulkSql } = await import("@/lib/db/bulk");
  await getBulkSql().end({ timeout: 5 });
  await database.drop();
});

const get = (route: { GET: (request: Request) => Promise<Response> }, path: string) => route.GET(new Request(`http://docketline.test${path}`));

describe("Searching policies and agencies", () => {
  it("is needed: the panel's facets leave the rare policy and agency out", async () => {
    const { facets } = await getTimeline(parseFilter({}).filter);
    expect(facets.policy).toHaveLength(8);
    expect(facets.policy.map((p) => p.value)).not.toContain(rare.policy);
    expect(facets.agency.map((a) => a.value)).not.toContain(rare.agency);
  });

  it("finds a policy by a word of its name, typed in part and in any case, and counts its public lawsuits", async () => {
    expect((await searchPolicies("WETLANDS")).matches).toEqual([{ id: rare.policy, name: rare.policyName, agencies: [rare.agency], lawsuits: 1 }]);
    expect((await searchPolicies("wetl rollb")).matches.map((m) => m.id)).toEqual([rare.policy]);
    expect((await searchPolicies("zero tolerance")).matches.map((m) => m.id)).toEqual(["family-separation-zero-tolerance-2018"]);
    const common = await searchPolicies("common searchtest", 3);
    expect(common.total).toBe(9);
    expect(common.matches).toHaveLength(3);
    expect((await searchPolicies("zebra")).total).toBe(0);
    // Punctuation alone is no word: nothing, rather than everything or an error.
    expect(await searchPolicies("&|!:*")).toEqual({ matches: [], total: 0 });
  });

  it("finds an agency by a word of its name, as the policies name it", async () => {
    expect((await searchAgencies("affairs")).matches).toEqual([{ name: rare.agency, lawsuits: 1 }]);
    expect((await searchAgencies("homeland")).matches.map((m) => m.name)).toEqual(["U.S. Department of Homeland Security"]);
    expect((await searchAgencies("common agency")).total).toBe(9);
  });

  it("answers the API with the matches and the link to their filings, which filters by them", async () => {
    const policies = await get(policiesRoute, "/api/v1/policies?q=wetlands");
    expect(policies.status).toBe(200);
    const policyList = PolicyListSchema.parse(await policies.json());
    expect(policyList.data.map((p) => p.id)).toEqual([rare.policy]);
    expect(policyList.data[0].links.filings).toBe(`http://docketline.test/api/v1/filings?policy=${rare.policy}`);

    const agencies = await get(agenciesRoute, `/api/v1/agencies?q=${encodeURIComponent("affairs")}`);
    const agencyList = AgencyListSchema.parse(await agencies.json());
    expect(agencyList.data.map((a) => a.name)).toEqual([rare.agency]);
    const filter = parseFilter(new URL(agencyList.data[0].links.filings).searchParams, { strict: true });
    expect(filter.ok).toBe(true);
    const { page } = await getTimeline(filter.filter);
    expect(page.items.map((f) => f.id)).toEqual([rare.filing]);

    // Without words, every one.
    const all = PolicyListSchema.parse(await (await get(policiesRoute, "/api/v1/policies")).json());
    expect(all.total).toBe(all.data.length);
    expect(all.data.map((p) => p.id)).toContain(rare.policy);
  });

  it("names a chosen policy in the active filters' chips, alone or with other coded values", async () => {
    // A policy or an administration alone was shown by its id: its part of the query came first and named no columns.
    expect(await getCodedNames({ policy: rare.policy })).toEqual(new Map([[`policy:${rare.policy}`, rare.policyName]]));
    expect(await getCodedNames({ administration: "obama" })).toEqual(new Map([["administration:obama", "Obama administration"]]));
    expect((await getCodedNames({ issueArea: "environment", policy: rare.policy })).get(`policy:${rare.policy}`)).toBe(rare.policyName);
  });

  it("refuses an unknown parameter or bad words with a 400 naming it", async () => {
    for (const [route, path, param] of [
      [policiesRoute, "/api/v1/policies?agency=x", "agency"],
      [agenciesRoute, "/api/v1/agencies?q=%00", "q"],
      [policiesRoute, "/api/v1/policies?q=a&q=b", "q"],
    ] as const) {
      const response = await get(route, path);
      expect(response.status, path).toBe(400);
      expect(JSON.stringify(await response.json()), path).toContain(param);
    }
  });
});
