// The codebook of the research coding, generated from the vocabulary (lib/coding/labels.ts,
// the issue-area table, the administrations) and the format's fields, with examples
// from the public data: what /about/codebook shows and /export/codebook.json writes.
import "server-only";

import {
  ADMINISTRATION_DECIDE,
  CODE_LISTS,
  CODING_FIELDS,
  ISSUE_AREA_DECIDE,
  type CodeDefinition,
} from "@/lib/coding/labels";
import type { Sql } from "@/lib/db/sql";

export const CODEBOOK_FORMAT = "docketline/codebook-v1";
/** How many lawsuits the codebook names as examples of each code. */
export const EXAMPLES_PER_CODE = 3;

export interface CodebookExample {
  lawsuit: string;
  caseNameShort: string;
}

export interface CodebookCode extends CodeDefinition {
  code: string;
  examples: CodebookExample[];
}

export interface Codebook {
  format: typeof CODEBOOK_FORMAT;
  fields: typeof CODING_FIELDS;
  /** The vocabulary is data: one rule of deciding for all of its areas. */
  issueAreas: { decide: string; codes: Omit<CodebookCode, "decide">[] };
  lists: { key: string; title: string; field: string; codes: CodebookCode[] }[];
  administrations: {
    decide: string;
    terms: { id: string; name: string; president: string; termStart: string; termEnd: string | null; examples: CodebookExample[] }[];
  };
}

/** The codebook as of now: three statements whatever the size of the data. */
export async function getCodebook(sql: Sql): Promise<Codebook> {
  const [areas, administrations, examples] = await Promise.all([
    sql<{ slug: string; label: string; definition: string }[]>`SELECT slug, label, definition FROM issue_area ORDER BY label, slug COLLATE "C"`,
    sql<{ id: string; name: string; president: string; term_start: string; term_end: string | null }[]>`
      SELECT id, name, president, term_start, term_end FROM administration ORDER BY term_start`,
    // Public lawsuits coded with each code, the earliest filed first.
    sql<{ list: string; code: string; lawsuit: string; case_name_short: string }[]>`
      WITH coded ("list", "code", "lawsuit_id") AS (
          SELECT DISTINCT 'issueAreas', issue_area_slug, lawsuit_id FROM lawsuit_issue_area
        UNION SELECT 'stateSides', side::text, lawsuit_id FROM lawsuit_state_side
        UNION SELECT 'outcomes', outcome::text, lawsuit_id FROM lawsuit_coding
        UNION SELECT 'reliefKinds', relief::text, lawsuit_id FROM relief_milestone
        UNION SELECT 'reliefStatuses', status::text, lawsuit_id FROM relief_milestone
        UNION SELECT 'reliefScopes', scope::text, lawsuit_id FROM relief_milestone WHERE scope IS NOT NULL
        UNION SELECT 'administrations', administration_of(l.date_filed, l.date_filed_precision), l.id FROM lawsuit l
      ),
      ranked AS (
        SELECT c."list", c."code", l.id AS lawsuit, l.case_name_short,
               row_number() OVER (PARTITION BY c."list", c."code" ORDER BY l.date_filed, l.id COLLATE "C") AS n
        FROM coded c JOIN lawsuit l ON l.id = c."lawsuit_id" AND l.is_public
        WHERE c."code" IS NOT NULL
      )
      SELECT "list", "code", lawsuit, case_name_short FROM ranked WHERE n <= ${EXAMPLES_PER_CODE} ORDER BY "list", "code", n`,
  ]);
  const examplesOf = (list: string, code: string): CodebookExample[] =>
    examples.filter((e) => e.list === list && e.code === code).map((e) => ({ lawsuit: e.lawsuit, caseNameShort: e.case_name_short }));

  return {
    format: CODEBOOK_FORMAT,
    fields: CODING_FIELDS,
    issueAreas: {
      decide: ISSUE_AREA_DECIDE,
      codes: areas.map((a) => ({ code: a.slug, label: a.label, definition: a.definition, examples: examplesOf("issueAreas", a.slug) })),
    },
    lists: CODE_LISTS.map((list) => ({
      key: list.key,
      title: list.title,
      field: list.field,
      codes: list.codes.map((code) => ({ code, ...(list.definitions as Record<string, CodeDefinition>)[code], examples: examplesOf(list.key, code) })),
    })),
    administrations: {
      decide: ADMINISTRATION_DECIDE,
      terms: administrations.map((a) => ({
        id: a.id,
        name: a.name,
        president: a.president,
        termStart: a.term_start,
        termEnd: a.term_end,
        examples: examplesOf("administrations", a.id),
      })),
    },
  };
}
