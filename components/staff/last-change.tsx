// ", last published by Alice on 2 July 2026, 14:05 UTC": who last did what to a record,
// in the words its history uses (lib/editing/vocabulary).
import { Timestamp } from "@/components/ui/timestamp";
import type { RevisionAction } from "@/lib/editing/types";
import { REVISION_ACTION_WORDS } from "@/lib/editing/vocabulary";

export function LastChange({ change }: { change: { name: string; at: string; action: RevisionAction } | null }) {
  if (!change) return null;
  return (
    <>
      , last {REVISION_ACTION_WORDS[change.action]} by {change.name} on <Timestamp iso={change.at} />
    </>
  );
}
