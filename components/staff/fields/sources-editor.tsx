"use client";

// SourcesEditor: the public sources cited for a record (a lawsuit's or a filing's):
// add, remove, reorder, each with URL, title, publisher and an optional publication date.
// A URL is checked with the dataset's own rule as soon as the editor leaves the box.
// Props: `path` (the list's record path, default ["sources"]), `value` (SourceDraft[],
// all strings as typed), `onChange(next)`, `problems` (the whole form's problems; the
// editor shows those under `path`). sourcesFromRecord / sourcesToRecord (lib/editing/source-drafts.ts)
// convert between drafts and docketline/v1 sources.
import { useState } from "react";

import { sourceUrl } from "@/lib/dataset/schema";
import type { RecordProblem } from "@/lib/editing/types";

import { Button, ItemControls } from "./buttons";
import { PartialDateField } from "./partial-date-field";
import { fieldId, hasProblemUnder, moveItem, problemAt, type FieldPath } from "@/lib/editing/form-fields";
import { TextField } from "./text-fields";
import { emptySource, type SourceDraft } from "@/lib/editing/source-drafts";
import styles from "./fields.module.css";


export function SourcesEditor({ path = ["sources"], value, onChange, problems }: { path?: FieldPath; value: readonly SourceDraft[]; onChange: (next: SourceDraft[]) => void; problems: readonly RecordProblem[] }) {
  // URL problems found on leaving the box, before any submit; the form's own problems win.
  const [urlChecks, setUrlChecks] = useState<Record<string, string | undefined>>({});

  const update = (index: number, changes: Partial<SourceDraft>) => onChange(value.map((s, i) => (i === index ? { ...s, ...changes } : s)));
  const checkUrl = (source: SourceDraft) => {
    const result = source.url.trim() === "" ? null : sourceUrl.safeParse(source.url);
    setUrlChecks((checks) => ({ ...checks, [source.key]: result && !result.success ? result.error.issues[0]?.message : undefined }));
  };

  return (
    <div className={styles.field} id={fieldId(path)} tabIndex={-1}>
      {value.length === 0 ? <p className={styles.empty}>No sources yet.</p> : null}
      <ol className={styles.list}>
        {value.map((source, index) => {
          const at = (field: string): FieldPath => [...path, index, field];
          const itemLabel = `source ${index + 1}`;
          return (
            <li key={source.key} className={`${styles.item} ${hasProblemUnder(problems, [...path, index]) ? styles.itemInvalid : ""}`}>
              <div className={styles.itemHeader}>
                <h3 className={styles.itemTitle}>Source {index + 1}</h3>
                <ItemControls index={index} count={value.length} itemLabel={itemLabel} onMove={(to) => onChange(moveItem(value, index, to))} onRemove={() => onChange(value.filter((_, i) => i !== index))} />
              </div>
              <TextField
                path={at("url")}
                label={`URL of source ${index + 1}`}
                type="url"
                inputMode="url"
                autoComplete="off"
                placeholder="https://"
                required
                value={source.url}
                onChange={(url) => {
                  update(index, { url });
                  if (urlChecks[source.key]) setUrlChecks((checks) => ({ ...checks, [source.key]: undefined }));
                }}
                onBlur={() => checkUrl(source)}
                error={problemAt(problems, at("url")) ?? urlChecks[source.key]}
              />
              <TextField path={at("title")} label={`Title of source ${index + 1}`} required value={source.title} onChange={(title) => update(index, { title })} error={problemAt(problems, at("title"))} />
              <div className={styles.grid}>
                <TextField path={at("publisher")} label={`Publisher of source ${index + 1}`} required value={source.publisher} onChange={(publisher) => update(index, { publisher })} error={problemAt(problems, at("publisher"))} />
                <PartialDateField path={at("published")} label={`Published (source ${index + 1})`} value={source.published} onChange={(published) => update(index, { published })} error={problemAt(problems, at("published"))} />
              </div>
            </li>
          );
        })}
      </ol>
      <div className={styles.actions}>
        <Button onClick={() => onChange([...value, emptySource()])}>Add a source</Button>
      </div>
      {problemAt(problems, path) ? <p className={styles.error}>{problemAt(problems, path)}</p> : null}
    </div>
  );
}
