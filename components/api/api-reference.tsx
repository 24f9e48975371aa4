// The pieces of the API's reference page (/api): code samples, the OpenAPI document's
// text, and the tables and lists read from it (lib/api/reference.ts).
import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { PROBLEM_TYPES, type ProblemType } from "@/lib/api/problem";
import type { EndpointReference, ParameterReference } from "@/lib/api/reference";

import styles from "./api-reference.module.css";

/** Text from the OpenAPI document, whose `backticks` mark code (CommonMark, as OpenAPI descriptions are). */
export function Prose({ text }: { text: string | undefined }) {
  return (text ?? "").split(/`([^`]+)`/).map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

/** A code sample a keyboard can reach and scroll. */
export function Code({ children, label }: { children: string; label: string }) {
  return (
    <pre className={styles.code} tabIndex={0} aria-label={label}>
      <code>{children}</code>
    </pre>
  );
}

export function EndpointTable({ endpoints }: { endpoints: EndpointReference[] }) {
  return (
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
          {endpoints.map(({ path, summary, description }) => (
            <tr key={path}>
              <th scope="row" className={styles.path}>
                <code>{path}</code>
              </th>
              <td>
                <strong>{summary}.</strong> <Prose text={description} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ParameterTable({ caption, parameters }: { caption: string; parameters: ParameterReference[] }) {
  return (
    <TableScroll labelledBy="parameters-caption">
      <table className={tableStyles.table}>
        <caption id="parameters-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Values</th>
            <th scope="col">Default</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((parameter) => (
            <tr key={parameter.name}>
              <th scope="row">
                <code>{parameter.name}</code>
              </th>
              <td>{parameter.values}</td>
              <td>{parameter.defaultValue}</td>
              <td>
                <Prose text={parameter.description} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Every type of problem the API answers with, each at an anchor its `type` URI points to. */
export function ProblemTypeList() {
  return (
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
  );
}
