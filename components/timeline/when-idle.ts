// Past this, a busy main thread no longer holds back what waits for an idle moment.
const IDLE_TIMEOUT_MS = 3000;

/** Runs `callback` once the browser is idle (or after a timeout where it never is, or cannot say); returns a cancel. */
export function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(callback, 1);
  return () => window.clearTimeout(id);
}
