// The query string of the jurisdiction list (`/states?sort=joined`). A value that does
// not parse falls back to the default: pages never fail on an old or mistyped link.
import { z } from "zod";

export const JURISDICTION_SORTS = ["name", "joined", "led", "lawsuits"] as const;
export type JurisdictionSort = (typeof JURISDICTION_SORTS)[number];

const single = (value: unknown) => (Array.isArray(value) ? value[value.length - 1] : value);

export const JurisdictionListParamsSchema = z.object({
  sort: z.preprocess(single, z.enum(JURISDICTION_SORTS).default("name")).catch("name"),
});

export type JurisdictionListParams = z.output<typeof JurisdictionListParamsSchema>;

export function parseJurisdictionListParams(searchParams: Record<string, string | string[] | undefined>): JurisdictionListParams {
  return JurisdictionListParamsSchema.parse(searchParams);
}

/** A USPS code as a URL writes it ("nm", "NM"); null when it cannot be one. */
export function normalizeJurisdictionCode(value: string): string | null {
  const code = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}
