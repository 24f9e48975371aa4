import type { Metadata } from "next";
import Link from "next/link";

import { CodeTable } from "@/components/coding/code-table";
import { getCodebook } from "@/lib/coding/codebook";
import { formatPartialDate } from "@/lib/dates/partial-date";
import { getBulkSql } from "@/lib/db/bulk";
import { historyPath } from "@/lib/editing/paths";

import styles from "./page.module.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Codebook of the research coding",
  description: "Every code of Docketline's research coding — issue areas, each state's side, outcomes, relief — with its definition, how a coder decides it, and examples from the data.",
  alternates: { canonical: "/about/codebook" },
};

export default async function CodebookPage() {
  const codebook = await getCodebook(getBulkSql());
  return (
    <article className={styles.codebook}>
      <h1>Codebook</h1>
      <p className="lede">
        How Docketline codes each lawsuit for research: the policies it challenges, its issue areas, each state&rsquo;s side, the outcome for
        the states and the relief along the way. Every coded value cites a filing of the lawsuit or a public source; what no source settles
        stays <em>unknown</em>. This page is generated from the vocabulary and the data format; the same codebook is{" "}
        <a href="/export/codebook.json">codebook.json</a>, the companion of every dataset export (<a href="/export/dataset.json">dataset.json</a>,{" "}
        <Link href="/about">about the data</Link>).
      </p>

      <section aria-labelledby="fields">
        <h2 id="fields">Fields</h2>
        {(["policy", "coding"] as const).map((record) => (
          <dl key={record} className={styles.fields} aria-label={record === "policy" ? "Fields of a policy" : "Fields of a lawsuit's coding"}>
            {Object.entries(codebook.fields[record]).map(([field, meaning]) => (
              <div key={field}>
                <dt>
                  <code>{`${record === "policy" ? "policies[]" : "coding[]"}.${field}`}</code>
                </dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
        ))}
      </section>

      <section aria-labelledby="issue-areas">
        <h2 id="issue-areas">Issue areas</h2>
        <p>{codebook.issueAreas.decide}</p>
        <CodeTable
          caption="Issue areas"
          field="coding[].issueAreas[], policies[].issueAreas[]"
          codes={codebook.issueAreas.codes.map((code) => ({ ...code, historyHref: historyPath("issue-area", code.code) }))}
        />
      </section>

      {codebook.lists.map((list) => (
        <section key={list.key} aria-labelledby={list.key}>
          <h2 id={list.key}>{list.title}</h2>
          <CodeTable caption={list.title} field={list.field} codes={list.codes} />
        </section>
      ))}

      <section aria-labelledby="administrations">
        <h2 id="administrations">Administrations</h2>
        <p>{codebook.administrations.decide}</p>
        <CodeTable
          caption="Administrations"
          field="derived from dates"
          codes={codebook.administrations.terms.map((term) => ({
            code: term.id,
            label: term.name,
            definition: `${term.president}, from ${formatPartialDate(term.termStart)}${term.termEnd ? ` to ${formatPartialDate(term.termEnd)}` : ""}.`,
            examples: term.examples,
          }))}
        />
      </section>
    </article>
  );
}
