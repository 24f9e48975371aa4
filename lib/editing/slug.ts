// Proposes record ids in the dataset's slug form ("lowercase-words-2018-07-02").
import { LIMITS } from "@/lib/dataset/schema";

/** "Motion for a TRO — Washington" → "motion-for-a-tro-washington". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * An id from a name and a distinguishing suffix (a date), cut at a word so that the
 * whole fits the id limit and the suffix is always kept: ("Motion for a TRO", "2018-07-02")
 * → "motion-for-a-tro-2018-07-02".
 */
export function proposeSlug(name: string, suffix?: string | null): string {
  const tail = suffix ? slugify(suffix) : "";
  const room = LIMITS.id - (tail ? tail.length + 1 : 0);
  let head = slugify(name);
  if (head.length > room) head = head.slice(0, room + 1).replace(/-[^-]*$/, "").replace(/-+$/, "") || head.slice(0, room);
  return [head, tail].filter(Boolean).join("-");
}
