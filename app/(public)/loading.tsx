/** Shown while a public page's data loads (the page streams in behind it). */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="loading">
      <span className="loading__bar" aria-hidden="true" />
      Loading…
    </div>
  );
}
