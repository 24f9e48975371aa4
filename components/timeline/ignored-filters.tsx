import type { FilterProblem } from "@/lib/filters/schema";

import styles from "./ignored-filters.module.css";

/**
 * A bad parameter in a shared link should not cost the reader the page: the page shows
 * what it can, and says what it ignored.
 */
export function IgnoredFilters({ problems }: { problems: FilterProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className={styles.warning}>
      <p>Some of this link’s filters could not be read and were ignored:</p>
      <ul>
        {problems.map((p) => (
          <li key={p.param + p.message}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}
