"use client";

// Buttons of the staff forms.
// Button: a <button> (type "button" unless given) in a `variant` — "primary" (the one
// main action), "secondary", "danger" — and `size` "normal" | "small"; all other button
// attributes (and `ref`) pass through.
// ItemControls: "Move up", "Move down" and "Remove" for one item of an editable list.
// Props: `index`, `count` (items in the list), `itemLabel` (names the item for screen
// readers: "demand 2"), `onMove(to)`, `onRemove()`. At the ends of the list the move
// buttons stay focusable but say they are unavailable (aria-disabled), so that focus
// is not lost when an item reaches the top or bottom.
import type { ComponentPropsWithRef } from "react";

import styles from "./fields.module.css";

export type ButtonVariant = "primary" | "secondary" | "danger";

export function Button({ variant = "secondary", size = "normal", className, type = "button", ...button }: ComponentPropsWithRef<"button"> & { variant?: ButtonVariant; size?: "normal" | "small" }) {
  return <button type={type} {...button} className={`${styles.button} ${styles[variant]} ${size === "small" ? styles.small : ""} ${className ?? ""}`} />;
}

export function ItemControls({ index, count, itemLabel, onMove, onRemove }: { index: number; count: number; itemLabel: string; onMove?: (to: number) => void; onRemove: () => void }) {
  const first = index === 0;
  const last = index === count - 1;
  return (
    <div className={styles.actions}>
      {onMove ? (
        <>
          <Button size="small" aria-label={`Move ${itemLabel} up`} aria-disabled={first || undefined} onClick={() => !first && onMove(index - 1)}>
            ↑ Up
          </Button>
          <Button size="small" aria-label={`Move ${itemLabel} down`} aria-disabled={last || undefined} onClick={() => !last && onMove(index + 1)}>
            ↓ Down
          </Button>
        </>
      ) : null}
      <Button size="small" variant="danger" aria-label={`Remove ${itemLabel}`} onClick={onRemove}>
        Remove
      </Button>
    </div>
  );
}
