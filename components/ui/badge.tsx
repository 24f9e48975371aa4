import type { ReactNode } from "react";

import styles from "./badge.module.css";

export type BadgeTone = "neutral" | "positive" | "partial" | "negative" | "accent";

/** A small label; the tone is never the only signal, the text always says it. */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`${styles.badge} ${styles[tone]}`}>{children}</span>;
}
