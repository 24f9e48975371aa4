import type { Metadata } from "next";
import Link from "next/link";

import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { CACHE_CONTROL } from "@/lib/api/handler";
import { getOpenApiDocument } from "@/lib/api/openapi";
import { ApiProblem, PROBLEM_TYPES, problemBody, type ProblemType } from "@/lib/api/problem";
import { DEFAULT_LIMIT, parseFilingListQuery } from "@/lib/api/query";
import { getFilingList } from "@/lib/api/representations";
import { apiPath } from "@/lib/api/urls";
import { getSiteOrigin } from "@/lib/site";
import { MAX_PAGE_SIZE } from "@/lib/timeline/queries";

import styles from "./page.module.css";

// The examples show live data and this site's own address.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "API",
  description: "Docketline's read-only JSON API: filings, lawsuits and jurisdictions, with the timeline's filters, keyset pagination and an OpenAPI 3.1 document.",
  alternates: { canonical: "/api" },
};

// The document is generated from the API's zod schemas; this page reads its endpoints and
// parameters from it rather than describing them a second time.
interface SchemaObject {
  type?: string;
  enum?: unknown[];
  items?: SchemaObject;
  $ref?: string;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
}
interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema?: SchemaObject;
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
}

const NAMED_SCHEMAS: Record<string, string> = { PartialDate: "date (YYYY, YYYY-MM or YYYY-MM-DD)", JurisdictionCode: "USPS code" };

/** A parameter's accepted values, in a few words. */
function describeSchema(schema: SchemaObject | undefined): string {
  if (!schema) return "text";
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    return NAMED_SCHEMAS[name] ?? name;
  }
  if (schema.type === "array") return `${describeSchema(schema.items)}; repeatable`;
  if (schema.enum) return `one of ${schema.enum.join(", ")}`;
  if (schema.type === "integer") return `whole number${schema.minimum !== undefined ? ` from ${schema.minimum}` : ""}${schema.maximum !== undefined ? ` to ${schema.maximum}` : ""}`;
  if (schema.pattern?.startsWith("^[a-z0-9]+")) return "id";
  return "text";
}

function defaultOf(schema: SchemaObject | undefined): string {
  if (schema?.default === undefined || (Array.isArray(schema.default) && schema.default.length === 0)) return "";
  return String(schema.default);
}

/** Text from the OpenAPI document, whose `backticks` mark code (CommonMark, as OpenAPI descriptions are). */
function Prose({ text }: { text: string | undefined }) {
  return (text ?? "").split(/`([^`]+)`/).map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

function Code({ children, label }: { children: string; label: string }) {
  return (
    <pre className={styles.code} tabIndex={0} aria-label={label}>
      <code>{children}</code>
    </pre>
  );
}

/** A problem exactly as the API would answer `query` on the filings list. */
function exampleProblem(query: string, origin: string) {
  try {
    parseFilingListQuery(new URLSearchParams(query));
  } catch (error) {
    if (error instanceof ApiProblem) return problemBody(error, new Request(`${origin}${apiPath.filings}?${query}`), origin);
  }
  return null;
}

export default async function ApiPage() {
  const origin = await getSiteOrigin();
  const document = getOpenApiDocument(origin);
  const paths = Object.entries(document.paths ?? {}).map(([path, item]) => ({ path, operation: (item as { get: Operation }).get }));
  const filingParameters = (paths.find((p) => p.path === apiPath.filings)?.operation.parameters ?? []).filter((p) => p.in === "query");

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
        <TableScroll labelledBy="endpoints-caption">
          <table className={tableStyles.table}>
            <caption id="endpoints-caption">Every endpoint answers GET (and HEAD)</caption>
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col">Returns</th>
              </tr>
            </thead>
            <tbody>
              {paths.map(({ path, operation }) => (
                <tr key={path}>
                  <th scope="row" className={styles.path}>
                    <code>{path}</code>
                  </th>
                  <td>
                    <strong>{operation.summary}.</strong> <Prose text={operation.description} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
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
        <TableScroll labelledBy="parameters-caption">
          <table className={tableStyles.table}>
            <caption id="parameters-caption">Query parameters of {apiPath.filings}</caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Values</th>
                <th scope="col">Default</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {filingParameters.map((parameter) => (
                <tr key={parameter.name}>
                  <th scope="row">
                    <code>{parameter.name}</code>
                  </th>
                  <td>{describeSchema(parameter.schema)}</td>
                  <td>{defaultOf(parameter.schema)}</td>
                  <td>
                    <Prose text={parameter.description} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
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
        <dl className={styles.problems}>
          {(Object.keys(PROBLEM_TYPES) as ProblemType[]).map((type) => (
            <div key={type} id={type}>
              <dt>
                {PROBLEM_TYPES[type].status} {PROBLEM_TYPES[type].title} <code>#{type}</code>
              </dt>
              <dd>
                <Prose text={PROBLEM_TYPES[type].description} />
              </dd>
            </div>
          ))}
        </dl>
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
