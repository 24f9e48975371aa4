// Validation of a docketline/v1 document, before anything is written: the JSON text
// and the shape and field rules (lib/dataset/schema.ts). References between records are
// checked by the importer, against the file and the database (lib/dataset/import.ts).
import { parse as parseLenient, printParseErrorCode, type ParseError } from "jsonc-parser";

import { DatasetSchema, type Dataset } from "@/lib/dataset/schema";
import { DatasetValidationError, describeProblem, problemsFromZod } from "@/lib/dataset/problems";

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
  const problems = problemsFromZod(raw, result.error);
  throw new DatasetValidationError(problems, problems.map((p) => describeProblem(raw, p)));
}
