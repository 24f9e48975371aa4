// FieldError: the message shown under a field when it has a problem.
// Props: `path` (the record path of the field; gives the element id the field's
// aria-describedby points to) and `message` (nothing is rendered without one).
import { errorId, type FieldPath } from "@/lib/editing/form-fields";
import styles from "./fields.module.css";

export function FieldError({ path, message }: { path: FieldPath; message?: string }) {
  if (!message) return null;
  return (
    <p id={errorId(path)} className={styles.error}>
      {message}
    </p>
  );
}
