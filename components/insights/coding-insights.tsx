// The research coding's tables on /insights (docs/decisions/026): each state's record,
// the time from complaint to the first preliminary-injunction ruling, and the lawsuits
// with states on both sides. Each is a table or list with a caption, bounded in size.
import Link from "next/link";

import { CountsTable } from "@/components/ui/counts-table";
import { TableScroll } from "@/components/ui/table-scroll";
import { htmlPath } from "@/lib/api/paths";
import { OUTCOME_GROUP_LABELS, OUTCOME_GROUPS, type OutcomeGroup } from "@/lib/coding/groups";
import { formatPartialDate } from "@/lib/dates/partial-date";
import type { BothSidesLawsuit, StateRecord, TimeToInjunction } from "@/lib/insights/coding";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { plural } from "@/lib/text";

type RecordColumn = "lawsuits" | "led" | "defending" | OutcomeGroup;

export function StateRecordsTable({ states }: { states: StateRecord[] }) {
  const columns: { key: RecordColumn; label: string }[] = [
    { key: "lawsuits", label: "Lawsuits (any side)" },
    { key: "led", label: "Led" },
    ...OUTCOME_GROUPS.map((group) => ({ key: group, label: `Challenging: ${OUTCOME_GROUP_LABELS[group].toLowerCase()}` })),
    { key: "defending", label: "Defending" },
  ];
  return (
    <TableScroll labelledBy="state-records-caption">
      <CountsTable
        captionId="state-records-caption"
        caption="Each state’s lawsuits: in how many it has a coded side, how many it led, how those it joined on the challenging side ended for the states, and how many it joined on the defending side"
        rowHeading="Jurisdiction"
        columns={columns}
        rows={states.map((s) => ({
          key: s.code,
          header: <Link href={htmlPath.jurisdiction(s.code)}>{s.name}</Link>,
          counts: { lawsuits: s.lawsuits, led: s.led, defending: s.defending, ...s.outcomes },
        }))}
      />
    </TableScroll>
  );
}

export function TimeToInjunctionTable({ data }: { data: TimeToInjunction }) {
  return (
    <>
      <p>
        {data.measured === 0
          ? "No lawsuit here has a ruling on a preliminary injunction dated to the day, with a complaint dated to the day."
          : `Median: ${plural(Math.round(data.medianDays ?? 0), "day")} from the complaint to the first ruling (granted or denied), over ${plural(data.measured, "lawsuit")}.`}
        {data.imprecise > 0 && ` ${plural(data.imprecise, "lawsuit")} with a ruling dated only to the month or year ${data.imprecise === 1 ? "is" : "are"} left out.`}
      </p>
      {data.measured > 0 && (
        <TableScroll labelledBy="time-to-injunction-caption">
          <CountsTable
            captionId="time-to-injunction-caption"
            caption="Lawsuits by days from the complaint to the first ruling on a preliminary injunction"
            rowHeading="Days"
            columns={[{ key: "count", label: "Lawsuits" }]}
            rows={data.ranges.map((range) => ({ key: range.label, header: range.label, counts: { count: range.count } }))}
          />
        </TableScroll>
      )}
    </>
  );
}

export function BothSidesList({ total, listed }: { total: number; listed: BothSidesLawsuit[] }) {
  if (total === 0) return <p>In none of these lawsuits are states coded on both sides.</p>;
  const names = (codes: string[]) => codes.map(getJurisdictionName).join(", ");
  return (
    <>
      <p id="both-sides-summary">
        {plural(total, "lawsuit")} with states on both sides{total > listed.length ? `; the ${listed.length} most recent are listed` : ""}.
      </p>
      <ul aria-labelledby="both-sides-summary">
        {listed.map((lawsuit) => (
          <li key={lawsuit.id}>
            <Link href={htmlPath.lawsuit(lawsuit.id)}>{lawsuit.caseNameShort}</Link> ({formatPartialDate(lawsuit.dateFiled)}): challenging, {names(lawsuit.sides.challenging)};
            defending, {names(lawsuit.sides.defending)}.
          </li>
        ))}
      </ul>
    </>
  );
}
