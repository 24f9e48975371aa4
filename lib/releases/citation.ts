// How a release is cited: "Docketline release 3 (Dec. 3, 2026), record wa-v-us-2018-dkt-15,
// https://…/data/releases/3/dataset.json". The address is the release's dataset file,
// which never changes, so a reader finds the record as it was cited; the live page's
// citation (lib/filings/citation.ts) sits beside it.
import { formatPartialDateForCitation } from "@/lib/dates/partial-date";

import { DATASET_FILE, releaseFilePath } from "./paths";

export interface CitableRelease {
  number: number;
  /** The moment it was made; cited by its day in UTC. */
  releasedAt: Date;
}

/** The release's name and date: "Docketline release 3 (Dec. 3, 2026)". */
export function releaseName(release: CitableRelease): string {
  return `Docketline release ${release.number} (${formatPartialDateForCitation(release.releasedAt.toISOString().slice(0, 10))})`;
}

/** The plain-text citation of a release, or of one record in it; `origin` makes the URL absolute. */
export function citeRelease(release: CitableRelease, origin: string, recordId?: string): string {
  const record = recordId ? `, record ${recordId}` : "";
  return `${releaseName(release)}${record}, ${origin}${releaseFilePath(release.number, DATASET_FILE)}`;
}
