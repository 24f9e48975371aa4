import type { Metadata } from "next";
import Link from "next/link";

import { Code, EndpointTable, ParameterTable, ProblemTypeList } from "@/components/api/api-reference";
import styles from "@/components/api/api-reference.module.css";
import { CACHE_CONTROL } from "@/lib/api/handler";
import { DEFAULT_LIMIT, parseFilingListQuery } from "@/lib/api/query";
import { exampleProblem, getApiReference } from "@/lib/api/reference";
import { getFilingList } from "@/lib/api/representations";
import { apiPath } from "@/lib/api/urls";
import { getSiteOrigin } from "@/lib/site";
import { MAX_PAGE_SIZE } from "@/lib/timeline/queries";

// The examples show live data and this site's own address.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "API",
  description: "Docketline's read-only JSON API: filings, lawsuits and jurisdictions, with the timeline's filters, keyset pagination and an OpenAPI 3.1 document.",
  alternates: { canonical: "/api" },
};

export default async function ApiPage() {
  const origin = await getSiteOrigin();
  const reference = getApiReference(origin);

  const exampleQuery = "state=NM&limit=1";
  const example = await getFilingList(parseFilingListQuery(new URLSearchParams(exampleQuery)), origin);
  const filingId = example.data[0]?.id ?? "{id}";
  const problem = exampleProblem("kind=telegram&limit=0", origin);
  const api = `${origin}${apiPath.filings}`;

  return (
    <article className={styles.api}>
      <h1>API</h1>
      <p className="lede">
        Everything on Docketline is also available as JSON: filings, lawsuits and the jurisdictions that join them, in the ids and field names of
        the <code>docketline/v1</code> dataset format. The API is read-only, needs no key, and any web page may call it.
      </p>
      <p>
        The machine-readable description is the <a href={apiPath.openapi}>OpenAPI 3.1 document</a> (<code>{apiPath.openapi}</code>), generated
        from the same schemas the API validates with; load it into any OpenAPI tool to browse the API or generate a client.
      </p>

      <section aria-labelledby="start">
        <h2 id="start">A first request</h2>
        <p>The filings New Mexico joined, newest first:</p>
        <Code label="Example request">{`curl '${api}?state=NM'`}</Code>
        <p>One filing, one lawsuit with its filings, and one jurisdiction:</p>
        <Code label="More example requests">
          {[
            `curl '${origin}${apiPath.filing(filingId)}'`,
            `curl '${origin}${apiPath.lawsuits}'`,
            `curl '${origin}${apiPath.jurisdiction("NM")}'`,
          ].join("\n")}
        </Code>
      </section>

      <section aria-labelledby="endpoints">
        <h2 id="endpoints">Endpoints</h2>
        <EndpointTable endpoints={reference.endpoints} />
        <p>
          Each record is its <code>docketline/v1</code> form (a filing&rsquo;s <code>id</code>, <code>lawsuit</code>, <code>kind</code>,{" "}
          <code>title</code>, <code>dateFiled</code>, <code>states</code>, <code>demands</code>, <code>sources</code>…), plus <code>url</code>, its
          page on this site, and <code>updatedAt</code>, when it last changed. Dates keep their precision: <code>&quot;2018-06&quot;</code> is known
          only to the month. Lists are <code>{`{ "data": [...], "total": n, "links": { "self", "next", "prev" } }`}</code>; a single record is{" "}
          <code>{`{ "data": {...}, "links": { "self" } }`}</code>.
        </p>
      </section>

      <section aria-labelledby="filters">
        <h2 id="filters">Filtering filings</h2>
        <p>
          <code>{apiPath.filings}</code> takes the same filters as the <Link href="/">timeline</Link>, so any view of the timeline can be fetched as
          data by copying its query string. Parameters it does not know are refused rather than ignored, so that a typo never passes unnoticed.
        </p>
        <ParameterTable caption={`Query parameters of ${apiPath.filings}`} parameters={reference.filingParameters} />
        <Code label="Filter examples">
          {[
            `# Motions that both New Mexico and Washington joined`,
            `curl '${api}?state=NM&state=WA&match=all&kind=motion'`,
            `# Filings of July 2018, oldest first`,
            `curl '${api}?from=2018-07&to=2018-07&sort=oldest'`,
            `# Filings with a demand that was granted in part`,
            `curl '${api}?outcome=granted-in-part'`,
          ].join("\n")}
        </Code>
      </section>

      <section aria-labelledby="pagination">
        <h2 id="pagination">Pagination</h2>
        <p>
          The filings list comes a page at a time: {DEFAULT_LIMIT} filings unless <code>limit</code> asks for another number, up to{" "}
          {MAX_PAGE_SIZE}. <code>total</code> counts every match. To read on, follow <code>links.next</code> until it is <code>null</code>;{" "}
          <code>links.prev</code> goes back. The links carry an opaque <code>cursor</code> that marks a position in the list, so pages neither
          skip nor repeat a filing when new ones are added meanwhile; use the links as they are rather than building cursors. Lawsuits and
          jurisdictions come whole.
        </p>
        <Code label="Reading every page">
          {[
            `url='${api}?state=NM&limit=${MAX_PAGE_SIZE}'`,
            `while [ "$url" != "null" ]; do`,
            `  page=$(curl -s "$url")`,
            `  echo "$page" | jq -c '.data[] | {id, dateFiled, title}'`,
            `  url=$(echo "$page" | jq -r '.links.next')`,
            `done`,
          ].join("\n")}
        </Code>
        <h3 id="example-response">
          A response: <code>{`${apiPath.filings}?${exampleQuery}`}</code>
        </h3>
        <pre className={`${styles.code} ${styles.example}`} tabIndex={0} aria-labelledby="example-response">
          <code>{JSON.stringify(example, null, 2)}</code>
        </pre>
      </section>

      <section aria-labelledby="errors">
        <h2 id="errors">Errors</h2>
        <p>
          Errors are <code>application/problem+json</code> (RFC 9457): <code>type</code>, <code>title</code>, <code>status</code>,{" "}
          <code>detail</code> and <code>instance</code>, and for a bad request, <code>errors</code>: every query parameter at fault with a
          message. A bad request never gets a 500.
        </p>
        <Code label="A bad request">{`curl -i '${api}?kind=telegram&limit=0'`}</Code>
        {problem && <Code label="Its answer, with status 400">{JSON.stringify(problem, null, 2)}</Code>}
        <ProblemTypeList />
      </section>

      <section aria-labelledby="caching">
        <h2 id="caching">Caching and use from web pages</h2>
        <p>
          Every response has an <code>ETag</code> and <code>Cache-Control: {CACHE_CONTROL}</code>: keep a response for a minute, then ask
          again with <code>If-None-Match</code>, and an unchanged answer comes back as <code>304 Not Modified</code> with no body.
        </p>
        <Code label="A conditional request">{`curl -i -H 'If-None-Match: "<the ETag you hold>"' '${api}?state=NM'`}</Code>
        <p>
          Responses carry <code>Access-Control-Allow-Origin: *</code>, so a script on any web page can read the API with{" "}
          <code>fetch</code>; no credentials are needed or accepted.
        </p>
      </section>
    </article>
  );
}
