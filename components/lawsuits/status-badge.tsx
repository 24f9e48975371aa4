import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { LawsuitStatus } from "@/lib/dataset/schema";
import { LAWSUIT_STATUS_LABELS } from "@/lib/lawsuits/labels";

/** Open cases stand out; a status is not a win or a loss, so the rest stay neutral. */
const STATUS_TONES: Record<LawsuitStatus, BadgeTone> = {
  open: "accent",
  stayed: "partial",
  transferred: "neutral",
  dismissed: "neutral",
  decided: "neutral",
  settled: "neutral",
  closed: "neutral",
  unknown: "neutral",
};

export function LawsuitStatusBadge({ status }: { status: LawsuitStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{LAWSUIT_STATUS_LABELS[status]}</Badge>;
}
