"use client";

// "Apply this upload": posts the upload's id; a refusal (already applied, or the file
// no longer applies to the database as it is now) is said here with its problems.
import { useActionState } from "react";

import { Button } from "@/components/staff/fields/buttons";

import { applyUploadAction, type ApplyFormState } from "../actions";
import styles from "../upload.module.css";

export function ApplyForm({ uploadId, description }: { uploadId: string; description: string }) {
  const [state, action, pending] = useActionState<ApplyFormState, FormData>(applyUploadAction, null);
  return (
    <form action={action} className={styles.apply}>
      <input type="hidden" name="uploadId" value={uploadId} />
      <p>{description}</p>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Applying…" : "Apply this upload"}
      </Button>
      {state && (
        <div role="alert" className={styles.problems}>
          <p>{state.message}</p>
          {state.problems.length > 0 && (
            <ul>
              {state.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
