import type { ReactNode } from "react";

import styles from "./table-scroll.module.css";

/**
 * A wide table that scrolls sideways inside its own box on a narrow screen, never the
 * page. The box can take focus, so that keyboard users can scroll it too, and is
 * named after the table's caption.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className={styles.scroll} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** Calm, ruled table styles shared by the data tables of the public pages. */
export const tableStyles = styles;
