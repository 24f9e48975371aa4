// Errors of the read API as RFC 9457 problem details (`application/problem+json`):
// the one error shape of /api/v1. Handlers throw an ApiProblem; lib/api/handler.ts
// turns it into a response, so no handler writes an error body itself.
import { z } from "zod";

import { limitProblems } from "@/lib/filters/schema";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** A query parameter at fault, as parseFilter names it (lib/filters/schema.ts). */
export const ParamProblemSchema = z.object({
  param: z.string().meta({ description: "The query parameter at fault, e.g. `kind`." }),
  message: z.string().meta({ description: "What is wrong with it, in a sentence." }),
});
export type ParamProblem = z.output<typeof ParamProblemSchema>;

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: "A URI naming the kind of problem; it points at the API page's section about it." }),
    title: z.string().meta({ description: "A short summary of the kind of problem." }),
    status: z.number().int().meta({ description: "The HTTP status code." }),
    detail: z.string().meta({ description: "What went wrong with this request." }),
    instance: z.string().meta({ description: "The path and query of the request." }),
    errors: z
      .array(ParamProblemSchema)
      .optional()
      .meta({ description: "With status 400: every query parameter at fault, each with its message." }),
  })
  .meta({ id: "Problem", description: "An error, as RFC 9457 problem details." });
export type Problem = z.output<typeof ProblemSchema>;

/** The kinds of problem, each documented under its anchor on the /api page. */
export const PROBLEM_TYPES = {
  "invalid-parameters": {
    status: 400,
    title: "Invalid query parameters",
    description:
      "A query parameter is unknown, repeated where it may appear once, or has a bad value (a date that does not exist, a kind that is not one, a limit out of range, a cursor that no Docketline link gave). `errors` lists every parameter at fault, each with a message.",
  },
  "malformed-path": {
    status: 400,
    title: "Malformed path",
    description:
      "The path is not valid percent-encoded UTF-8 (`%ED%A0%80`, a lone `%`), or decodes to control characters such as NUL: no record has such an id.",
  },
  "not-found": { status: 404, title: "Not found", description: "No filing, lawsuit or jurisdiction has the id or code in the path." },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    description: "The API is read-only: only GET, HEAD and OPTIONS are answered. The `Allow` header says so too.",
  },
  "server-error": { status: 500, title: "Internal server error", description: "Something failed on the server; the request may work later." },
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

/** A problem a handler reports; the handler wrapper sends it. */
export class ApiProblem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly errors?: ParamProblem[],
  ) {
    super(detail);
    this.name = "ApiProblem";
  }

  get status(): number {
    return PROBLEM_TYPES[this.type].status;
  }
}

/** 400 naming every parameter at fault (the first MAX_PROBLEMS of them, lib/filters/schema.ts). */
export function invalidParameters(errors: ParamProblem[]): ApiProblem {
  const listed = limitProblems(errors);
  return new ApiProblem("invalid-parameters", listed.map((e) => e.message).join("; "), listed);
}

export function notFound(detail: string): ApiProblem {
  return new ApiProblem("not-found", detail);
}

/** The problem details body for a request; `origin` makes the type URI absolute. */
export function problemBody(problem: ApiProblem, request: Request, origin: string): Problem {
  const url = new URL(request.url);
  const { title, status } = PROBLEM_TYPES[problem.type];
  return {
    type: `${origin}/api#${problem.type}`,
    title,
    status,
    detail: problem.detail,
    instance: `${url.pathname}${url.search}`,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}
