"use client";

// The upload form: a docketline/v1 file and what new lawsuits and filings become. It
// posts to the upload route (lib/editing/upload-request.ts), which checks everything
// (the size too); the browser only says early that a file is too large, since the
// server would not even read it. Every problem the server finds is listed, each on its
// own line. Without JavaScript the form posts the same route itself.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import type { UploadAnswer } from "@/lib/editing/upload-request";
import { UPLOAD_PATH } from "@/lib/security/body-limits";
import { Button } from "@/components/staff/fields/buttons";

import styles from "./upload.module.css";

export function UploadForm({ maxBytes, maxLabel }: { maxBytes: number; maxLabel: string }) {
  const router = useRouter();
  const [state, setState] = useState<UploadAnswer | null>(null);
  const [pending, setPending] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    let answer: UploadAnswer | null;
    try {
      const response = await fetch(UPLOAD_PATH, { method: "POST", body: new FormData(event.currentTarget), headers: { Accept: "application/json" } });
      const text = await response.text();
      try {
        answer = JSON.parse(text) as UploadAnswer;
      } catch {
        // The front server's own answers (a body over the cap: 413) are plain text.
        answer = { fileName: null, problems: [text.trim() || `The server could not check the file (HTTP ${response.status}); please try again.`] };
      }
    } catch {
      answer = { fileName: null, problems: ["The file could not be sent: check the connection and try again."] };
    }
    // On to the preview, still pending until it shows.
    if (answer.location) return router.push(answer.location);
    setState(answer);
    setPending(false);
  }

  return (
    <form action={UPLOAD_PATH} method="post" encType="multipart/form-data" onSubmit={upload} className={styles.form} aria-describedby="upload-help">
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
      <Button type="submit" variant="primary" disabled={pending || tooLarge}>
        {pending ? "Checking the file…" : "Upload and preview"}
      </Button>
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
