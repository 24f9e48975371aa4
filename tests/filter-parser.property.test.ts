// The filter parser against anything a stranger can put in a query string: generated
// names (the object's own `__proto__`, `constructor`, `hasOwnProperty` among them) and
// values (any unicode, NUL and other control characters, lone surrogates, long strings,
// repeated values). It must never throw, must name a parameter for every problem, and
// must read back exactly the filter it writes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { COALITION_ROLES, DEMAND_OUTCOMES, FILING_KINDS } from "@/lib/dataset/vocabulary";
import { canonicalFilterQuery, filterToSearchParams, FILTER_KEYS, MAX_PROBLEMS, parseFilter, parsePageQuery, SEARCH_WORDS_PARAMS, type Filter } from "@/lib/filters/schema";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";

const RUNS = 2_000;
const OBJECT_NAMES = Object.getOwnPropertyNames(Object.prototype);

const hostileName = fc.oneof(
  fc.constantFrom(...OBJECT_NAMES, ...FILTER_KEYS, ...Object.values(SEARCH_WORDS_PARAMS), "limit", "", " ", "state[]", "q\u0000"),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const hostileValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  // Lone surrogates and control characters, which UTF-8 cannot carry or PostgreSQL refuses.
  fc.constantFrom("\u0000", "a\u0000b", "\uD800", "x\uDC00", "\u001B[31m", "%00", "%ED%A0%80", "NM,,WA,", "2018-02-30", "0999", "b.", "a.\u0000"),
  fc.constantFrom(...JURISDICTIONS.map((j) => j.code.toLowerCase()), ...FILING_KINDS, "2018", "2018-07", "2018-07-02"),
  fc.string({ minLength: 150, maxLength: 400 }),
);
const hostileParams = fc.array(fc.tuple(hostileName, hostileValue), { maxLength: 25 });

/** Builds both shapes the parser reads: URLSearchParams (the API) and a page's searchParams record. */
function asSearchParams(pairs: [string, string][]): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of pairs) params.append(name, value);
  return params;
}
function asRecord(pairs: [string, string][]): Record<string, string | string[]> {
  // Object.create(null) as Next.js builds it: `__proto__` and `constructor` are ordinary keys.
  const record: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of pairs) {
    const existing = record[name];
    record[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return record;
}

const isCut = (param: string, names: string[]) => names.some((name) => name === param || (param.endsWith("…") && name.startsWith(param.slice(0, -1))));

describe("the filter parser, given anything", () => {
  it("never throws, and every problem names a parameter that was sent (or the query as a whole)", () => {
    fc.assert(
      fc.property(hostileParams, fc.boolean(), (pairs, strict) => {
        for (const source of [asSearchParams(pairs), asRecord(pairs)]) {
          const result = parseFilter(source, { strict });
          if (result.ok) continue;
          expect(result.problems.length).toBeGreaterThan(0);
          expect(result.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
          for (const problem of result.problems) {
            expect(problem.param === "query" || isCut(problem.param, pairs.map(([name]) => name)), problem.param).toBe(true);
            expect(problem.message.length).toBeLessThan(600);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("always gives a filter of valid values, each once, that the database can take", () => {
    fc.assert(
      fc.property(hostileParams, (pairs) => {
        const { filter } = parsePageQuery(asSearchParams(pairs));
        expect(new Set(filter.state).size).toBe(filter.state.length);
        expect(new Set(filter.kind).size).toBe(filter.kind.length);
        expect(filter.state.every((code) => JURISDICTIONS.some((j) => j.code === code))).toBe(true);
        expect(filter.kind.every((kind) => (FILING_KINDS as readonly string[]).includes(kind))).toBe(true);
        for (const text of [filter.q, filter.lawsuit, filter.demandCategory, filter.cursor]) {
          if (text !== undefined) expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses NUL and lone surrogates in every text parameter, naming it", () => {
    for (const name of ["q", "lawsuit", "demandCategory", "cursor", "from", "to", "state", "kind"]) {
      for (const value of ["flood\u0000", "\uD800"]) {
        // A record, as a page's searchParams: URLSearchParams would turn a lone surrogate into U+FFFD.
        const result = parseFilter({ [name]: value }, { strict: true });
        expect(result.ok, `${name}=${JSON.stringify(value)}`).toBe(false);
        if (!result.ok) expect(result.problems.map((p) => p.param)).toEqual([name]);
      }
    }
    const page = parsePageQuery({ [SEARCH_WORDS_PARAMS.lawsuit]: "flores\u0000" });
    expect(page.problems.map((p) => p.param)).toEqual([SEARCH_WORDS_PARAMS.lawsuit]);
    expect(page.words.lawsuit).toBeUndefined();
  });

  it("keeps the good parameters of a page's query when one is bad", () => {
    const page = parsePageQuery(new URLSearchParams("state=NM&kind=bogus&kind=order&q=%00&from=2018"));
    expect(page.filter).toMatchObject({ state: ["NM"], kind: ["order"], from: "2018" });
    expect(page.filter.q).toBeUndefined();
    expect(page.problems.map((p) => p.param).sort()).toEqual(["kind", "q"]);
  });

  it("reads repeated values once, in one order, and refuses more values than there are", () => {
    const result = parseFilter(new URLSearchParams("state=wa&state=NM,nm&state=WA&kind=order&kind=motion&kind=order"), { strict: true });
    expect(result).toMatchObject({ ok: true, filter: { state: ["NM", "WA"], kind: ["motion", "order"] } });
    const many = parseFilter(new URLSearchParams(Array.from({ length: 500 }, (_, i) => ["kind", `kind-${i}`])), { strict: true });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.problems).toEqual([{ param: "kind", message: `kind may list at most ${FILING_KINDS.length} different values` }]);
  });
});

const validFilter: fc.Arbitrary<Filter> = fc
  .record({
    state: fc.uniqueArray(fc.constantFrom(...JURISDICTIONS.map((j) => j.code)), { maxLength: 6 }),
    match: fc.constantFrom("any", "all" as const),
    role: fc.option(fc.constantFrom(...COALITION_ROLES), { nil: undefined }),
    lawsuit: fc.option(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/), { nil: undefined }),
    kind: fc.uniqueArray(fc.constantFrom(...FILING_KINDS), { maxLength: 5 }),
    demandCategory: fc.option(fc.stringMatching(/^[a-z]{1,10}$/), { nil: undefined }),
    outcome: fc.option(fc.constantFrom(...DEMAND_OUTCOMES), { nil: undefined }),
    from: fc.option(fc.constantFrom("2017", "2018-06", "2018-06-20"), { nil: undefined }),
    to: fc.option(fc.constantFrom("2018-07", "2019", "2999-12-31"), { nil: undefined }),
    q: fc.option(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
      { nil: undefined },
    ),
    sort: fc.constantFrom("newest", "oldest" as const),
    cursor: fc.option(fc.stringMatching(/^[ab]\.[A-Za-z0-9_-]{1,20}$/), { nil: undefined }),
  })
  // What the parser reads back: a canonical filter, the form every filter is kept in.
  .map((filter) => parseFilter(filterToSearchParams(filter), { strict: true }))
  .filter((result) => result.ok)
  .map((result) => result.filter);

describe("writing a filter and reading it back", () => {
  it("gives the same filter (parse ∘ serialize is the identity on parsed filters)", () => {
    fc.assert(
      fc.property(validFilter, (filter) => {
        const again = parseFilter(filterToSearchParams(filter), { strict: true });
        expect(again).toEqual({ ok: true, filter });
      }),
      { numRuns: RUNS },
    );
  });

  it("gives one canonical query for every way of writing the same filter", () => {
    fc.assert(
      fc.property(validFilter, fc.integer(), (filter, seed) => {
        const canonical = canonicalFilterQuery(filterToSearchParams(filter));
        // The same filter written another way: values shuffled, repeated, lower-case, comma-joined.
        const shuffle = <T,>(values: T[]) => [...values].sort((a, b) => ((String(a).length * 31 + seed) % 7) - ((String(b).length * 31 + seed) % 7));
        const params = new URLSearchParams();
        if (filter.state.length) params.append("state", shuffle(filter.state).map((s) => s.toLowerCase()).join(","));
        for (const kind of shuffle([...filter.kind, ...filter.kind])) params.append("kind", kind);
        filterToSearchParams({ ...filter, kind: [] }).forEach((value, name) => {
          if (name !== "state") params.append(name, name === "q" ? ` ${value} ` : value);
        });
        params.sort();
        expect(canonicalFilterQuery(params)).toBe(canonical);
      }),
      { numRuns: RUNS },
    );
  });
});
