"use client";

// ErrorSummary: the list of a form's problems at its top, each linking to its field.
// Props: `problems` (paths relative to the record), `labelFor(path)` (how the form names
// a field: ["states", 2, "jurisdiction"] → "Joining state 3: jurisdiction"), `title`
// (e.g. "The filing was not saved"), `focusSignal` — a number the form increments on
// every failed submit; the summary then takes focus so that a screen reader reads it.
// A link focuses the field with that path or, when none is rendered, the nearest
// enclosing one (a section's id is fieldId(["states"])).
import { useEffect, useRef, type MouseEvent } from "react";

import type { RecordProblem } from "@/lib/editing/types";

import { fieldId, type FieldPath } from "@/lib/editing/form-fields";
import styles from "./fields.module.css";

/** The rendered element for `path`, or for the longest prefix of it that is rendered. */
export function elementForPath(path: FieldPath): HTMLElement | null {
  for (let length = path.length; length > 0; length--) {
    const element = document.getElementById(fieldId(path.slice(0, length)));
    if (element) return element;
  }
  return null;
}

export function focusField(path: FieldPath) {
  const element = elementForPath(path);
  if (!element) return;
  element.scrollIntoView({ block: "center" });
  element.focus({ preventScroll: true });
}

export function ErrorSummary({ problems, labelFor, title, focusSignal }: { problems: readonly RecordProblem[]; labelFor: (path: FieldPath) => string; title: string; focusSignal: number }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusSignal > 0) box.current?.focus();
  }, [focusSignal]);

  if (problems.length === 0) return null;
  const follow = (path: FieldPath) => (event: MouseEvent) => {
    event.preventDefault();
    focusField(path);
  };
  return (
    <div ref={box} className={styles.summary} tabIndex={-1} role="group" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">
        {title}: {problems.length === 1 ? "1 problem" : `${problems.length} problems`}
      </h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.path.join(".")}-${index}`}>
            <a href={`#${fieldId(problem.path.length ? problem.path : ["record"])}`} onClick={follow(problem.path)}>
              {problem.path.length ? `${labelFor(problem.path)}: ` : ""}
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
