// Turns validation failures into sentences a person can act on, naming the record, the
// field, the value and the problem:
//   filings[3] "wa-v-us-2018-dkt-15": states[2].jurisdiction "ZZ" is not a known jurisdiction
import type { z } from "zod";

export type ProblemPath = (string | number)[];

export interface DatasetProblem {
  path: ProblemPath;
  message: string;
}

export class DatasetValidationError extends Error {
  constructor(readonly problems: DatasetProblem[], readonly lines: string[]) {
    super(`The dataset has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${lines.map((l) => `  ${l}`).join("\n")}`);
    this.name = "DatasetValidationError";
  }
}

const RECORD_KINDS = new Set(["courts", "officials", "issueAreas", "policies", "lawsuits", "filings", "coding"]);
/** What names a record of each kind: an issue area its slug, a coding its lawsuit. */
const KEY_FIELD: Record<string, string> = { issueAreas: "slug", coding: "lawsuit" };
const MAX_SHOWN_VALUE = 60;

/** The raw value at a path, to quote it back to the user. */
function valueAt(root: unknown, path: ProblemPath): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function fieldPath(path: ProblemPath): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

function quote(value: unknown): string {
  if (typeof value === "string") return value.length <= MAX_SHOWN_VALUE ? ` ${JSON.stringify(value)}` : "";
  if (typeof value === "number" || typeof value === "boolean") return ` ${value}`;
  return "";
}

/** One line per problem, in the order found. */
export function describeProblem(raw: unknown, problem: DatasetProblem): string {
  const { path, message } = problem;
  let prefix = "";
  let rest = path;
  if (path.length >= 2 && typeof path[0] === "string" && RECORD_KINDS.has(path[0]) && typeof path[1] === "number") {
    const id = valueAt(raw, [path[0], path[1], KEY_FIELD[path[0]] ?? "id"]);
    prefix = `${path[0]}[${path[1]}]${typeof id === "string" && id.length <= 120 ? ` ${JSON.stringify(id)}` : ""}`;
    rest = path.slice(2);
  }
  const field = fieldPath(rest);
  const value = rest.length > 0 ? quote(valueAt(raw, path)) : "";
  const subject = `${field}${value}`;
  // A problem with the document itself (an unknown top-level field, not an object) names it.
  const sentence = subject ? `${subject} ${message}` : prefix ? message : `the dataset ${message}`;
  return prefix ? `${prefix}: ${sentence}` : sentence;
}

/** zod's issues as problems, with messages worded for people rather than for code. */
export function problemsFromZod(raw: unknown, error: z.ZodError): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) problems.push({ path, message: `has an unknown field ${JSON.stringify(key)}` });
      continue;
    }
    if (issue.code === "invalid_type" && valueAt(raw, path) === undefined) {
      problems.push({ path, message: "is required" });
      continue;
    }
    if (issue.code === "invalid_type" && (issue.expected === "array" || issue.expected === "object")) {
      // zod's own wording ("Invalid input: expected array, received string") is for code.
      problems.push({ path, message: issue.expected === "array" ? "must be a list" : "must be an object" });
      continue;
    }
    problems.push({ path, message: issue.message });
  }
  return problems;
}
