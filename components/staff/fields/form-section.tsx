// Layout pieces of the staff forms.
// FormSection: a fieldset whose legend is a level-2 heading (items inside use h3), with
// an optional description; `id` lets the error summary link to a problem of the whole
// section.
// FieldGrid: places its fields side by side on wide screens, stacked on a phone.
// FormActions: the row of buttons; `sticky` keeps it at the bottom of the viewport.
import type { ReactNode } from "react";

import styles from "./fields.module.css";

export function FormSection({ legend, description, id, children }: { legend: ReactNode; description?: ReactNode; id?: string; children: ReactNode }) {
  return (
    <fieldset className={styles.section} id={id} tabIndex={id ? -1 : undefined}>
      <legend>
        <h2 className={styles.legendHeading}>{legend}</h2>
      </legend>
      {description ? <p className={styles.sectionDescription}>{description}</p> : null}
      {children}
    </fieldset>
  );
}

export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className={styles.grid}>{children}</div>;
}

export function FormActions({ sticky = false, children }: { sticky?: boolean; children: ReactNode }) {
  return <div className={`${styles.actions} ${sticky ? styles.stickyActions : ""}`}>{children}</div>;
}
