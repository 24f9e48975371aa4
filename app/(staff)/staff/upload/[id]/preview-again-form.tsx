"use client";

// "Preview again": computes the upload's preview anew against the records as they are
// now, when applying was refused because records changed since the preview (or the
// records a failed file needed now exist). The page then shows its progress.
import { useActionState } from "react";

import { Button } from "@/components/staff/fields/buttons";

import { previewUploadAgainAction, type ApplyFormState } from "../actions";
import styles from "../upload.module.css";

export function PreviewAgainForm({ uploadId }: { uploadId: string }) {
  const [state, action, pending] = useActionState<ApplyFormState, FormData>(previewUploadAgainAction, null);
  return (
    <form action={action} className={styles.apply}>
      <input type="hidden" name="uploadId" value={uploadId} />
      <p>The preview was computed once, when the file was uploaded. If records have changed since, preview it again to see what applying would do now.</p>
      <Button type="submit" disabled={pending}>
        {pending ? "Previewing…" : "Preview again"}
      </Button>
      {state && (
        <p role="alert" className={styles.error}>
          {state.message}
        </p>
      )}
    </form>
  );
}
