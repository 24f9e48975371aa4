import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { tableStyles, TableScroll } from "@/components/ui/table-scroll";
import { Timestamp } from "@/components/ui/timestamp";
import { requireStaff } from "@/lib/auth/session";
import { editPath, historyPath, UPLOAD_PAGE, uploadPath } from "@/lib/editing/paths";
import type { EditableKind } from "@/lib/editing/types";
import { REVISION_ACTION_WORDS } from "@/lib/editing/vocabulary";
import {
  DashboardParamsSchema,
  getStaffDashboard,
  type AttentionReason,
  type AttentionType,
  type DashboardSection,
  type Section,
} from "@/lib/staff/dashboard";
import { plural } from "@/lib/text";

import styles from "./page.module.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dashboard · Staff", robots: { index: false, follow: false } };

const KIND_LABELS: Record<EditableKind, string> = { court: "Court", official: "Official", lawsuit: "Lawsuit", filing: "Filing", policy: "Policy", "lawsuit-coding": "Lawsuit coding", "issue-area": "Issue area" };

/** What each count of "Needs attention" counts: records, not demands. */
const ATTENTION_LABELS: Record<AttentionType, string> = {
  "no-source": "Lawsuits and filings without a source",
  "unknown-outcome": "Filings with demands whose outcome is unknown",
  "stale-pending": "Filings with demands still pending more than a year after filing",
  "no-lead": "Filings with joining states but no lead state",
};

function reasonText(reason: AttentionReason): string {
  switch (reason.type) {
    case "no-source":
      return "no source";
    case "unknown-outcome":
      return `${plural(reason.count, "demand")} with an unknown outcome`;
    case "stale-pending":
      return `${plural(reason.count, "demand")} still pending more than a year after filing`;
    case "no-lead":
      return "joining states but no lead state";
  }
}

function ShowAll({ section, shown, total, show }: { section: DashboardSection; shown: number; total: number; show?: DashboardSection }) {
  if (show === section) {
    return (
      <p className={styles.more}>
        <Link href="/staff">Show fewer</Link>
      </p>
    );
  }
  if (total <= shown) return null;
  return (
    <p className={styles.more}>
      <Link href={`/staff?show=${section}#${section}-heading`}>Show all {total}</Link>
    </p>
  );
}

function count<T>(section: Section<T>, one: string, many: string) {
  return `${section.total} ${section.total === 1 ? one : many}`;
}

export default async function StaffDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const { show } = DashboardParamsSchema.parse(await searchParams);
  const dashboard = await getStaffDashboard({ show });
  const { changes, drafts, deleted, attention } = dashboard;

  return (
    <div className={styles.dashboard}>
      <h1>Dashboard</h1>
      <p className="lede">Signed in as {staff.name}. What changed lately, and what is waiting for you.</p>
      <ul className={styles.shortcuts} aria-label="Shortcuts">
        <li>
          <Link href="/staff/filings/new">New filing</Link>
        </li>
        <li>
          <Link href="/staff/lawsuits/new">New lawsuit</Link>
        </li>
        <li>
          <Link href={UPLOAD_PAGE}>Upload a dataset</Link>
        </li>
      </ul>

      <section aria-labelledby="changes-heading" className={styles.section}>
        <h2 id="changes-heading">Recent changes</h2>
        <p className={styles.count}>
          {count(changes, "change", "changes")} in the last {changes.recentDays} days.
        </p>
        {changes.rows.length > 0 ? (
          <TableScroll labelledBy="changes-caption">
            <table className={tableStyles.table}>
              <caption id="changes-caption" className="visually-hidden">
                Recent changes, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Change</th>
                  <th scope="col">By</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {changes.rows.map((change) => {
                  const history = historyPath(change.kind, change.id);
                  return (
                    <tr key={change.revisionId}>
                      <th scope="row">
                        <span className={styles.kind}>{KIND_LABELS[change.kind]}</span>
                        <Link href={editPath(change.kind, change.id)}>{change.label}</Link>
                        {history && (
                          <span className={styles.secondary}>
                            <Link href={`${history}#revision-${change.revisionId}`} aria-label={`History of ${change.label}`}>
                              History
                            </Link>
                          </span>
                        )}
                      </th>
                      <td>
                        {REVISION_ACTION_WORDS[change.action]}
                        {change.fields.length > 0 && <span className={styles.secondary}>{change.fields.join(", ")}</span>}
                        {change.uploadId && (
                          <span className={styles.secondary}>
                            <Link href={uploadPath(change.uploadId)}>from an upload</Link>
                          </span>
                        )}
                      </td>
                      <td>{change.actorName}</td>
                      <td className={tableStyles.nowrap}>
                        <Timestamp iso={change.at} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>No change has been recorded yet.</p>
        )}
        <ShowAll section="changes" shown={changes.rows.length} total={changes.total} show={show} />
      </section>

      <section aria-labelledby="drafts-heading" className={styles.section}>
        <h2 id="drafts-heading">Drafts awaiting publication</h2>
        <p className={styles.count}>{count(drafts, "draft", "drafts")}, newest first.</p>
        {drafts.rows.length > 0 ? (
          <ul className={styles.list}>
            {drafts.rows.map((record) => (
              <li key={`${record.kind}-${record.id}`}>
                <span className={styles.kind}>{KIND_LABELS[record.kind]}</span>
                <Link href={editPath(record.kind, record.id)}>{record.label}</Link>
                <span className={styles.secondary}>
                  last changed <Timestamp iso={record.updatedAt} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>No draft is waiting.</p>
        )}
        <ShowAll section="drafts" shown={drafts.rows.length} total={drafts.total} show={show} />
      </section>

      <section aria-labelledby="deleted-heading" className={styles.section}>
        <h2 id="deleted-heading">Recently deleted</h2>
        <p className={styles.count}>{count(deleted, "deleted record", "deleted records")}: each can be restored for 30 days.</p>
        {deleted.rows.length > 0 ? (
          <ul className={styles.list}>
            {deleted.rows.map((record) => (
              <li key={`${record.kind}-${record.id}`}>
                <span className={styles.kind}>{KIND_LABELS[record.kind]}</span>
                <Link href={editPath(record.kind, record.id)}>{record.label}</Link>
                <span className={styles.secondary}>
                  deleted <Timestamp iso={record.deletedAt} day />; restorable until <Timestamp iso={record.restorableUntil} day />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing was deleted lately.</p>
        )}
        <ShowAll section="deleted" shown={deleted.rows.length} total={deleted.total} show={show} />
      </section>

      <section aria-labelledby="attention-heading" className={styles.section}>
        <h2 id="attention-heading">Needs attention</h2>
        <p className={styles.count}>
          {attention.total === 1 ? "1 lawsuit or filing, draft or published, needs" : `${attention.total} lawsuits and filings, drafts or published, need`} a look:
        </p>
        <ul className={styles.tally}>
          {(Object.keys(ATTENTION_LABELS) as AttentionType[]).map((type) => (
            <li key={type}>
              {ATTENTION_LABELS[type]}: <strong>{attention.counts[type]}</strong>
            </li>
          ))}
        </ul>
        {attention.rows.length > 0 && (
          <ul className={styles.list}>
            {attention.rows.map((record) => (
              <li key={`${record.kind}-${record.id}`}>
                <span className={styles.kind}>{KIND_LABELS[record.kind]}</span>
                <Link href={editPath(record.kind, record.id)}>{record.label}</Link>{" "}
                {record.publication === "draft" && <Badge>Draft</Badge>}
                <span className={styles.secondary}>{record.reasons.map(reasonText).join("; ")}</span>
              </li>
            ))}
          </ul>
        )}
        <ShowAll section="attention" shown={attention.rows.length} total={attention.total} show={show} />
      </section>
    </div>
  );
}
