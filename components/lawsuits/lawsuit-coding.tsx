import Link from "next/link";

import type { LawsuitCodingSummary } from "@/lib/coding/lawsuit-coding";
import { historyPath } from "@/lib/editing/paths";
import { hrefWithFilter } from "@/lib/filters/params";

import styles from "./lawsuit-page.module.css";

/**
 * The lawsuit's research coding in brief: the policies it challenges (each with the
 * filings of every lawsuit that does, and its history), its issue areas and the outcome
 * for the states, with the coding's own history and the codebook. Nothing when uncoded.
 */
export function LawsuitCoding({ lawsuitId, coding }: { lawsuitId: string; coding: LawsuitCodingSummary | null }) {
  if (!coding) return null;
  return (
    <section aria-labelledby="coding-heading" id="coding" className={styles.section}>
      <h2 id="coding-heading">Research coding</h2>
      <dl className={styles.coding}>
        <dt>Policies challenged</dt>
        <dd>
          {coding.policies.length === 0 ? (
            "None coded"
          ) : (
            <ul className={styles.plainList}>
              {coding.policies.map((policy) => (
                <li key={policy.id}>
                  {policy.name}
                  {policy.agencies.length > 0 && <> ({policy.agencies.join(", ")})</>} ·{" "}
                  <Link href={hrefWithFilter("/", { policy: policy.id })} aria-label={`Filings challenging ${policy.name}`}>
                    Filings
                  </Link>{" "}
                  ·{" "}
                  <Link href={historyPath("policy", policy.id)} aria-label={`History of the policy ${policy.name}`}>
                    History
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Issue areas</dt>
        <dd>
          {coding.issueAreas.length === 0
            ? "None coded"
            : coding.issueAreas.map((area, index) => (
                <span key={area.slug}>
                  {index > 0 && ", "}
                  <Link href={hrefWithFilter("/", { issueArea: area.slug })}>{area.label}</Link>
                </span>
              ))}
        </dd>
        <dt>Outcome for the states</dt>
        <dd>{coding.outcome}</dd>
      </dl>
      <p className={styles.muted}>
        <Link href={historyPath("lawsuit-coding", lawsuitId)}>History of the coding</Link>: every change to it, and who made it. What each code means:{" "}
        <Link href="/about/codebook">the codebook</Link>.
      </p>
    </section>
  );
}
