"use client";

// The upload form: a docketline/v1 file and what new lawsuits and filings become. The
// server checks everything (the size too); the browser only says early that a file is
// too large, since the server would not even read it. Every problem the server finds
// is listed, each on its own line.
import { useActionState, useState } from "react";

import { uploadDatasetAction, type UploadFormState } from "./actions";
import styles from "./upload.module.css";

export function UploadForm({ maxBytes, maxLabel }: { maxBytes: number; maxLabel: string }) {
  const [state, action, pending] = useActionState<UploadFormState, FormData>(uploadDatasetAction, null);
  const [tooLarge, setTooLarge] = useState(false);

  return (
    <form action={action} className={styles.form} aria-describedby="upload-help">
      <p id="upload-help" className={styles.help}>
        A JSON file in the docketline/v1 format (see FORMAT.md), at most {maxLabel}. Nothing is written until you have seen the preview and applied it.
      </p>
      <div className={styles.field}>
        <label htmlFor="upload-file">Dataset file</label>
        <input
          id="upload-file"
          name="file"
          type="file"
          accept=".json,application/json"
          required
          aria-invalid={tooLarge || (state?.problems.length ?? 0) > 0 || undefined}
          aria-describedby={tooLarge ? "upload-too-large" : undefined}
          onChange={(event) => setTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > maxBytes)}
        />
        {tooLarge && (
          <p id="upload-too-large" role="alert" className={styles.error}>
            This file is larger than {maxLabel}, the most an upload may be.
          </p>
        )}
      </div>
      <fieldset className={styles.field}>
        <legend>New lawsuits and filings in the file become</legend>
        <label>
          <input type="radio" name="publication" value="draft" defaultChecked /> Drafts, to review and publish one by one
        </label>
        <label>
          <input type="radio" name="publication" value="published" /> Published at once
        </label>
        <p className={styles.help}>Records that already exist keep theirs.</p>
      </fieldset>
      <button type="submit" disabled={pending || tooLarge} className={styles.primary}>
        {pending ? "Checking the file…" : "Upload and preview"}
      </button>
      {state && state.problems.length > 0 && (
        <section role="alert" aria-labelledby="upload-problems-heading" className={styles.problems}>
          <h2 id="upload-problems-heading">
            {state.fileName ? `${state.fileName} was not uploaded` : "Nothing was uploaded"}:{" "}
            {state.problems.length === 1 ? "1 problem" : `${state.problems.length} problems`}
          </h2>
          <ul>
            {state.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </section>
      )}
    </form>
  );
}
