// The sections of a filing's page: who joined it, what it demands, and the thread of
// motion, response, reply and order it belongs to.
import { Badge } from "@/components/ui/badge";
import { UsMap } from "@/components/us-map";
import type { FilingDetail } from "@/lib/filings/queries";
import { plural } from "@/lib/text";

import { DateText, FilingLink, RefLine, ThreadItem } from "./filing-refs";
import styles from "./filing-page.module.css";

/** The jurisdictions that joined, on a map and by role; nothing when none did. */
export function FilingJurisdictions({ filing }: { filing: FilingDetail }) {
  const stateCount = filing.jurisdictionGroups.reduce((n, g) => n + g.members.length, 0);
  if (stateCount === 0) return null;
  return (
    <section aria-labelledby="jurisdictions-heading" className={styles.section}>
      <h2 id="jurisdictions-heading">Jurisdictions</h2>
      <p className={styles.sectionLede}>
        {plural(stateCount, "jurisdiction")} joined this {filing.kindLabel.toLowerCase()} through their
        attorneys general.
      </p>
      <div className={styles.mapWrap}>
        <UsMap
          title={`Jurisdictions joining: ${filing.title}`}
          description={filing.jurisdictionGroups.map((g) => `${g.label}: ${g.members.length}`).join(", ")}
          highlighted={filing.jurisdictionGroups.flatMap((g) => g.members.map((m) => ({ code: m.code, role: g.role })))}
          mode="roles"
        />
      </div>
      {filing.jurisdictionGroups.map((group) => (
        <div key={group.role} className={styles.group}>
          <h3 id={`role-${group.role}`}>
            {group.label} <span className={styles.count}>({group.members.length})</span>
          </h3>
          <ul aria-labelledby={`role-${group.role}`} className={group.members.length > 3 ? styles.columns : styles.plainList}>
            {group.members.map((member) => (
              <li key={member.code}>
                {member.name}
                {member.official && <span className={styles.muted}> — {member.official}</span>}
                {member.dateJoined && (
                  <span className={styles.muted}>
                    , joined <DateText date={member.dateJoined} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** What the filing asks for, and what became of each demand; nothing when it asks for nothing. */
export function FilingDemands({ filing }: { filing: FilingDetail }) {
  if (filing.demands.length === 0) return null;
  return (
    <section aria-labelledby="demands-heading" className={styles.section}>
      <h2 id="demands-heading">Demands</h2>
      <ol className={styles.demands}>
        {filing.demands.map((demand) => (
          <li key={demand.id} className={styles.demand}>
            <p className={styles.demandText}>{demand.text}</p>
            <p className={styles.demandMeta}>
              <Badge tone={demand.outcomeTone}>{demand.outcomeLabel}</Badge>
              <span>{demand.categoryLabel}</span>
              {demand.decidedBy && (
                <span>
                  Decided by <FilingLink filing={demand.decidedBy} />
                </span>
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What the filing answers and what answers it, and the filings that decide its demands or whose demands it decides. */
export function FilingThread({ filing }: { filing: FilingDetail }) {
  if (!filing.thread && filing.demandsDecidedBy.length === 0 && filing.decidesDemandsOf.length === 0) return null;
  return (
    <section aria-labelledby="thread-heading" className={styles.section}>
      <h2 id="thread-heading">Thread</h2>
      {filing.thread && (
        <>
          <p className={styles.sectionLede}>What this filing answers, and what answers it, in docket order.</p>
          <ol className={styles.thread} aria-label="Filings in this thread">
            <ThreadItem node={filing.thread} />
          </ol>
        </>
      )}
      {filing.demandsDecidedBy.length > 0 && (
        <>
          <h3 id="decided-by-heading">Its demands are decided by</h3>
          <ul aria-labelledby="decided-by-heading" className={styles.refList}>
            {filing.demandsDecidedBy.map((ref) => (
              <li key={ref.id}>
                <RefLine filing={ref} note={ref.demandCount === 1 ? "decides 1 demand" : `decides ${ref.demandCount} demands`} />
              </li>
            ))}
          </ul>
        </>
      )}
      {filing.decidesDemandsOf.length > 0 && (
        <>
          <h3 id="decides-heading">It decides demands of</h3>
          <ul aria-labelledby="decides-heading" className={styles.refList}>
            {filing.decidesDemandsOf.map((ref) => (
              <li key={ref.id}>
                <RefLine filing={ref} />
                <ul className={styles.decidedDemands}>
                  {ref.demands.map((d, i) => (
                    <li key={i}>
                      {d.text} <span className={styles.muted}>({d.outcomeLabel.toLowerCase()})</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
