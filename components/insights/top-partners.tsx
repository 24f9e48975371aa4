import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { filterToSearchParams, type Filter } from "@/lib/filters/schema";
import type { JurisdictionActivity, TopPartners as Partners } from "@/lib/insights/queries";
import { COALITIONS_PATH, type InsightsView } from "@/lib/insights/schema";

import styles from "./charts.module.css";

/**
 * The jurisdictions that most often joined the same filings as a chosen one, with a
 * form (a plain GET, working without JavaScript) to choose another.
 */
export function TopPartners({ partners, activity, filter, view }: { partners: Partners; activity: JurisdictionActivity[]; filter: Filter; view: InsightsView }) {
  const { of } = partners;
  // The form keeps the filter and the rest of the view.
  const hidden = [...filterToSearchParams({ ...filter, cursor: undefined, sort: undefined })];
  if (view.matrixSort !== "filings") hidden.push(["matrixSort", view.matrixSort]);
  if (view.matrix !== "top") hidden.push(["matrix", view.matrix]);
  const tiedFirst = partners.partners.filter((p) => p.rank === 1).length;
  const choices = [...activity].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <form method="get" action={`${COALITIONS_PATH}#partners-heading`} className={styles.chooser}>
        {hidden.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor="partners-of">Partners of</label>
        <select id="partners-of" name="partnersOf" defaultValue={of.code} key={of.code}>
          {choices.map((j) => (
            <option key={j.code} value={j.code}>
              {j.name} ({j.joined})
            </option>
          ))}
        </select>
        <button type="submit">Show partners</button>
      </form>
      <p className={styles.partnersLede}>
        {of.name} joined {of.joined} {of.joined === 1 ? "filing" : "filings"} here.{" "}
        {partners.partners.length === 0
          ? "No other jurisdiction joined any of them."
          : tiedFirst > 1
            ? `The jurisdictions that most often joined the same ones; ${tiedFirst} share first place, with ${partners.partners[0].together} each:`
            : "The jurisdictions that most often joined the same ones:"}
      </p>
      {partners.partners.length > 0 && (
        <TableScroll labelledBy="partners-caption">
          <table className={`${tableStyles.table} ${styles.partners}`}>
            <caption id="partners-caption">Top partners of {of.name}</caption>
            <thead>
              <tr>
                <th scope="col" className={tableStyles.number}>
                  Rank
                </th>
                <th scope="col">Jurisdiction</th>
                <th scope="col" className={tableStyles.number}>
                  Filings together
                </th>
                <th scope="col">Share of {of.name}’s filings</th>
              </tr>
            </thead>
            <tbody>
              {partners.partners.map((p) => {
                const share = Math.round((p.together / of.joined) * 100);
                return (
                  <tr key={p.code}>
                    {/* Ties share a rank. */}
                    <td className={tableStyles.number}>{p.rank}</td>
                    <th scope="row">{p.name}</th>
                    <td className={tableStyles.number}>{p.together}</td>
                    <td className={styles.share}>
                      <span className={styles.shareBar} aria-hidden="true">
                        <span style={{ width: `${share}%` }} />
                      </span>
                      {share}%
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {partners.more > 0 && (
        <p className={styles.partnersMore}>
          {partners.more} more {partners.more === 1 ? "jurisdiction" : "jurisdictions"} joined fewer filings with {of.name}; the matrix above has them all.
        </p>
      )}
    </>
  );
}
