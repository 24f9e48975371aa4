"use client";

// "Revert to this version" for one revision of a history page: a form posting to the
// revert server action, which also works without JavaScript. On success the action
// leads back to the history, which then starts with the new "revert" revision; a
// refusal (someone changed the record meanwhile, or the version no longer applies)
// is said next to the button.
import { useActionState } from "react";

import { revertToRevisionAction, type RevertState } from "@/lib/editing/history-actions";
import type { HistoryKind } from "@/lib/editing/paths";

import styles from "./history.module.css";

export function RevertButton({ kind, id, revisionId, baseVersion, describedBy }: { kind: HistoryKind; id: string; revisionId: string; baseVersion: number; describedBy: string }) {
  const [state, action, pending] = useActionState<RevertState, FormData>(revertToRevisionAction, null);
  return (
    <form action={action} className={styles.revert}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <button type="submit" disabled={pending} aria-describedby={describedBy}>
        {pending ? "Reverting…" : "Revert to this version"}
      </button>
      {state && !state.ok && (
        <p role="alert" className={styles.error}>
          {state.message}
        </p>
      )}
    </form>
  );
}
