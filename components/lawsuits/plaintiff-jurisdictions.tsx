import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { UsMap } from "@/components/us-map";
import { htmlPath } from "@/lib/api/paths";
import { COALITION_ROLE_LABELS } from "@/lib/jurisdictions/roles";
import type { LawsuitDetail } from "@/lib/lawsuits/queries";
import { plural } from "@/lib/text";

import styles from "./lawsuit-page.module.css";

/** The states and territories suing, on a map and in a list, their leads marked. */
export function PlaintiffJurisdictions({ lawsuit }: { lawsuit: LawsuitDetail }) {
  const { plaintiffs } = lawsuit;
  const leads = plaintiffs.filter((p) => p.role === "lead").map((p) => p.name).join(" and ");
  return (
    <section aria-labelledby="plaintiffs-heading" className={styles.section}>
      <h2 id="plaintiffs-heading">Plaintiff jurisdictions</h2>
      {plaintiffs.length > 0 ? (
        <>
          <p className={styles.muted}>
            {plural(plaintiffs.length, "jurisdiction")}
            {leads && `, led by ${leads}`}.
          </p>
          <div className={styles.plaintiffs}>
            <div className={styles.map}>
              <UsMap
                title={`Plaintiff jurisdictions in ${lawsuit.caseNameShort}`}
                description={`${plaintiffs.length} jurisdictions sue as plaintiffs${leads ? `, led by ${leads}` : ""}.`}
                highlighted={plaintiffs.map((p) => ({ code: p.code, role: p.role }))}
                mode="roles"
              />
            </div>
            <ol className={styles.plaintiffList} aria-labelledby="plaintiffs-heading">
              {plaintiffs.map((plaintiff) => (
                <li key={plaintiff.code}>
                  <Link href={htmlPath.jurisdiction(plaintiff.code)}>{plaintiff.name}</Link>
                  {plaintiff.role !== "joined" && (
                    <>
                      {" "}
                      <Badge tone="accent">{COALITION_ROLE_LABELS[plaintiff.role]}</Badge>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </div>
        </>
      ) : (
        <p className={styles.muted}>No state or territory is a plaintiff in this lawsuit.</p>
      )}
    </section>
  );
}
