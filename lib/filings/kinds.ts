// Names for a filing's kind, as people read them. Prisma names enum members with
// underscores ("amicus_brief"); the dataset, URLs and API use hyphens ("amicus-brief").
import { FILING_KINDS, type FilingKind } from "@/lib/dataset/vocabulary";

export const FILING_KIND_LABELS: Record<FilingKind, string> = {
  complaint: "Complaint",
  motion: "Motion",
  response: "Response",
  reply: "Reply",
  brief: "Brief",
  "amicus-brief": "Amicus brief",
  letter: "Letter",
  order: "Order",
  settlement: "Settlement",
  notice: "Notice",
  hearing: "Hearing",
  statement: "Statement",
};

export { FILING_KINDS, type FilingKind };

/** "amicus_brief" (Prisma) → "amicus-brief" (dataset). Works for every enum of the schema. */
export function fromDbEnum<T extends string>(value: string): T {
  return value.replace(/_/g, "-") as T;
}

