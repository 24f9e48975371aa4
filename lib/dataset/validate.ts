// Validation of a docketline/v1 document, before anything is written: the JSON text,
// the shape and field rules (lib/dataset/schema.ts), then references between records.
import { parse as parseLenient, printParseErrorCode, type ParseError } from "jsonc-parser";

import { DatasetSchema, type Dataset } from "@/lib/dataset/schema";
import { DatasetValidationError, describeProblem, problemsFromZod, type DatasetProblem } from "@/lib/dataset/problems";

export class DatasetSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
    this.name = "DatasetSyntaxError";
  }
}

/** Parses JSON text; malformed JSON is reported with its line and column. */
export function parseDatasetJson(text: string): unknown {
  // Editors on Windows may save a byte-order mark; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse does not always say where; a tolerant parser pinpoints the first fault.
    const errors: ParseError[] = [];
    parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0] ?? { error: 0, offset: text.length, length: 0 };
    const { line, column } = lineAndColumn(text, first.offset);
    const what = errors[0] ? describeParseError(printParseErrorCode(first.error)) : "is not valid JSON";
    throw new DatasetSyntaxError(`Malformed JSON at line ${line}, column ${column}: ${what}`, line, column);
  }
}

function describeParseError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.replace(/^invalid symbol$/, "unexpected character").replace(/^value expected$/, "a value was expected here");
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { line, column };
}

/** Shape and field rules; throws DatasetValidationError listing every problem. */
export function validateDataset(raw: unknown): Dataset {
  const result = DatasetSchema.safeParse(raw);
  if (result.success) return result.data;
  throw toValidationError(raw, problemsFromZod(raw, result.error));
}

export function toValidationError(raw: unknown, problems: DatasetProblem[]): DatasetValidationError {
  return new DatasetValidationError(problems, problems.map((p) => describeProblem(raw, p)));
}

/** Records a dataset refers to but does not contain: the importer looks for them in the database. */
export interface ExternalReferences {
  courts: string[];
  officials: string[];
  lawsuits: string[];
  filings: string[];
}

/** What the database holds of the externally referenced records. */
export interface KnownRecords {
  courts: Set<string>;
  /** Official id → the jurisdiction the official serves. */
  officials: Map<string, string>;
  lawsuits: Set<string>;
  filings: Set<string>;
}

export function externalReferences(dataset: Dataset): ExternalReferences {
  const own = ownIds(dataset);
  const refs = { courts: new Set<string>(), officials: new Set<string>(), lawsuits: new Set<string>(), filings: new Set<string>() };
  for (const lawsuit of dataset.lawsuits) {
    refs.courts.add(lawsuit.court);
    for (const relation of lawsuit.related) refs.lawsuits.add(relation.lawsuit);
  }
  for (const filing of dataset.filings) {
    if (filing.lawsuit) refs.lawsuits.add(filing.lawsuit);
    if (filing.respondsTo) refs.filings.add(filing.respondsTo);
    for (const state of filing.states) if (state.official) refs.officials.add(state.official);
    for (const demand of filing.demands) if (demand.decidedBy) refs.filings.add(demand.decidedBy);
  }
  const outside = (kind: keyof ExternalReferences) => [...refs[kind]].filter((id) => !own[kind].has(id)).sort();
  return { courts: outside("courts"), officials: outside("officials"), lawsuits: outside("lawsuits"), filings: outside("filings") };
}

function ownIds(dataset: Dataset) {
  return {
    courts: new Set(dataset.courts.map((c) => c.id)),
    officials: new Set(dataset.officials.map((o) => o.id)),
    lawsuits: new Set(dataset.lawsuits.map((l) => l.id)),
    filings: new Set(dataset.filings.map((f) => f.id)),
  };
}

/** Every reference must resolve, in the dataset or in the database. */
export function findReferenceProblems(dataset: Dataset, known: KnownRecords): DatasetProblem[] {
  const officials = new Map(known.officials);
  for (const official of dataset.officials) officials.set(official.id, official.jurisdiction);
  const own = ownIds(dataset);
  const has = (kind: "courts" | "lawsuits" | "filings", id: string) => own[kind].has(id) || known[kind].has(id);
  const problems: DatasetProblem[] = [];

  dataset.lawsuits.forEach((lawsuit, i) => {
    if (!has("courts", lawsuit.court)) problems.push({ path: ["lawsuits", i, "court"], message: "is not a court in this dataset or the database" });
    lawsuit.related.forEach((relation, j) => {
      if (!has("lawsuits", relation.lawsuit)) {
        problems.push({ path: ["lawsuits", i, "related", j, "lawsuit"], message: "is not a lawsuit in this dataset or the database" });
      }
    });
  });
  dataset.filings.forEach((filing, i) => {
    if (filing.lawsuit && !has("lawsuits", filing.lawsuit)) {
      problems.push({ path: ["filings", i, "lawsuit"], message: "is not a lawsuit in this dataset or the database" });
    }
    if (filing.respondsTo && !has("filings", filing.respondsTo)) {
      problems.push({ path: ["filings", i, "respondsTo"], message: "is not a filing in this dataset or the database" });
    }
    filing.states.forEach((state, j) => {
      if (!state.official) return;
      const served = officials.get(state.official);
      if (served === undefined) {
        problems.push({ path: ["filings", i, "states", j, "official"], message: "is not an official in this dataset or the database" });
      } else if (served !== state.jurisdiction) {
        problems.push({ path: ["filings", i, "states", j, "official"], message: `serves ${served}, not ${state.jurisdiction}` });
      }
    });
    filing.demands.forEach((demand, j) => {
      if (demand.decidedBy && !has("filings", demand.decidedBy)) {
        problems.push({ path: ["filings", i, "demands", j, "decidedBy"], message: "is not a filing in this dataset or the database" });
      }
    });
  });
  return problems;
}
