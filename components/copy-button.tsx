"use client";

import { useState, useSyncExternalStore } from "react";

import styles from "./copy-button.module.css";

const subscribeNever = () => () => {};

/**
 * Copies the text of the element with id `targetId`. Progressive: without JavaScript
 * it does not render at all, and the text stays there to select by hand.
 */
export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
  // True once hydrated in a browser; false in the server's HTML.
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  if (!hydrated) return null;

  async function copy() {
    const target = document.getElementById(targetId);
    const text = target?.textContent?.trim() ?? "";
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      // No clipboard permission (or an insecure origin): select the text so that one
      // keystroke copies it.
      if (target) window.getSelection()?.selectAllChildren(target);
      setStatus("failed");
    }
  }

  return (
    <span className={styles.wrap}>
      <button type="button" className={styles.button} onClick={copy}>
        {label}
      </button>
      <span className={styles.status} role="status">
        {status === "copied" ? "Copied" : status === "failed" ? "Selected: press Ctrl+C or ⌘C to copy" : ""}
      </span>
    </span>
  );
}
