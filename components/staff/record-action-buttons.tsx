"use client";

// The buttons of RecordActions (record-actions.tsx): each calls the shared server action
// with the version the page shows, says what happened, and reloads the page's data.
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";

import { changeRecordLifecycleAction, type LifecycleAction } from "@/lib/editing/record-actions";
import type { Publication, PublishableKind } from "@/lib/editing/types";

import { Button } from "./fields/buttons";
import styles from "./record-actions.module.css";

const DONE: Record<LifecycleAction, (kind: string) => string> = {
  publish: (kind) => `Published: the ${kind} is on the public site (with its lawsuit, if it has one).`,
  unpublish: (kind) => `Unpublished: the ${kind} is a draft again and hidden from the public.`,
  delete: (kind) => `Deleted: the ${kind} is hidden everywhere. It can be restored for a while.`,
  restore: (kind) => `Restored: the ${kind} is back as it was.`,
};

export function RecordActionButtons({ kind, id, version, publication, deleted, restorable, restoreDeadline, restoreWindowDays }: { kind: PublishableKind; id: string; version: number; publication: Publication; deleted: boolean; restorable: boolean; restoreDeadline: string | null; restoreWindowDays: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const run = (action: LifecycleAction) => {
    if (pending) return;
    setConfirming(false);
    startTransition(async () => {
      const result = await changeRecordLifecycleAction({ kind, id, action, baseVersion: version });
      setMessage(result.ok ? { text: DONE[action](kind), error: false } : { text: result.message, error: true });
      router.refresh();
    });
  };

  return (
    <div className={styles.buttons}>
      <div className={styles.row}>
        {deleted ? (
          restorable ? (
            <Button variant="primary" aria-disabled={pending || undefined} onClick={() => run("restore")}>
              Restore
            </Button>
          ) : (
            <p className={styles.muted}>Deleted more than {restoreWindowDays} days ago: it can no longer be restored.</p>
          )
        ) : (
          <>
            {publication === "draft" ? (
              <Button variant="primary" aria-disabled={pending || undefined} onClick={() => run("publish")}>
                Publish
              </Button>
            ) : (
              <Button aria-disabled={pending || undefined} onClick={() => run("unpublish")}>
                Unpublish
              </Button>
            )}
            <Button
              variant="danger"
              aria-expanded={confirming}
              aria-disabled={pending || undefined}
              onClick={() => {
                setConfirming(true);
                requestAnimationFrame(() => confirmButton.current?.focus());
              }}
            >
              Delete…
            </Button>
          </>
        )}
      </div>
      {deleted && restorable && restoreDeadline ? <p className={styles.muted}>Restorable until {restoreDeadline}.</p> : null}
      {confirming && !deleted ? (
        <div className={styles.confirm} role="group" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">
            Delete this {kind}? It disappears from the public site and from staff lists at once, and can be restored for {restoreWindowDays} days.
          </p>
          <div className={styles.row}>
            <Button ref={confirmButton} variant="danger" onClick={() => run("delete")}>
              Yes, delete this {kind}
            </Button>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
          </div>
        </div>
      ) : null}
      <p role="status" className={`${styles.message} ${message?.error ? styles.error : ""}`}>
        {pending ? "Working…" : message?.text}
      </p>
    </div>
  );
}
