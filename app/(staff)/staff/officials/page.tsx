import type { Metadata } from "next";
import Link from "next/link";

import { ListPager } from "@/components/ui/list-pager";
import { SearchField, StaffListCount, StaffListFilters, StaffListHeading, StaffListTable } from "@/components/staff/staff-list";
import styles from "@/components/staff/staff-list.module.css";
import { tableStyles } from "@/components/ui/table-scroll";
import { requireStaff } from "@/lib/auth/session";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { editPath } from "@/lib/editing/paths";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";
import { staffListHref } from "@/lib/staff/lists";
import { listOfficialsForStaff, OfficialListParamsSchema, type OfficialListParams } from "@/lib/staff/reference-data";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Officials · Staff", robots: { index: false, follow: false } };

const listHref = (params: OfficialListParams, page: number) => staffListHref("/staff/officials", { q: params.q, jurisdiction: params.jurisdiction }, page);

function term(start: string | null, end: string | null): string {
  if (!start && !end) return "—";
  return `${start ? formatPartialDate(start) : "?"} – ${end ? formatPartialDate(end) : "present"}`;
}

export default async function StaffOfficialsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const params = OfficialListParamsSchema.parse(await searchParams);
  const { officials, total, page, pageCount } = await listOfficialsForStaff(params);
  const filtered = !!(params.q || params.jurisdiction);
  const newHref = params.jurisdiction ? `/staff/officials/new?jurisdiction=${params.jurisdiction}` : "/staff/officials/new";

  return (
    <>
      <StaffListHeading title="Officials" newHref={newHref} newLabel="New official" />
      <StaffListFilters action="/staff/officials" label="Search officials" filtered={filtered}>
        <SearchField id="official-q" label="Name, office or id contains" value={params.q} />
        <div className={styles.field}>
          <label htmlFor="official-jurisdiction">Jurisdiction</label>
          <select id="official-jurisdiction" name="jurisdiction" defaultValue={params.jurisdiction ?? ""}>
            <option value="">Any jurisdiction</option>
            {JURISDICTIONS.map((j) => (
              <option key={j.code} value={j.code}>
                {j.code} — {j.name}
              </option>
            ))}
          </select>
        </div>
      </StaffListFilters>
      <StaffListCount total={total} noun="official" filtered={filtered} />
      {officials.length > 0 ? (
        <StaffListTable captionId="officials-caption" caption="Officials, by jurisdiction and name">
          <thead>
            <tr>
              <th scope="col">Official</th>
              <th scope="col">Office</th>
              <th scope="col">Jurisdiction</th>
              <th scope="col">Term</th>
            </tr>
          </thead>
          <tbody>
            {officials.map((official) => (
              <tr key={official.id}>
                <th scope="row" className={styles.wide}>
                  <Link href={editPath("official", official.id)}>{official.name}</Link>
                  <span className={styles.secondary}>{official.id}</span>
                </th>
                <td>{official.office}</td>
                <td className={tableStyles.nowrap}>
                  <abbr title={official.jurisdiction.name}>{official.jurisdiction.code}</abbr>
                </td>
                <td className={tableStyles.nowrap}>{term(official.termStart, official.termEnd)}</td>
              </tr>
            ))}
          </tbody>
        </StaffListTable>
      ) : (
        <p>
          No official matches. <Link href={newHref}>Create an official</Link>.
        </p>
      )}
      <ListPager page={page} pageCount={pageCount} label="Pages of officials" hrefFor={(n) => listHref(params, n)} />
    </>
  );
}
