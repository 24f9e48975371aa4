import type { HighlightedText } from "@/lib/timeline/highlight";

/** Text with search matches in <mark>; everything is rendered as text, never as HTML. */
export function Highlighted({ parts, fallback }: { parts?: HighlightedText; fallback?: string }) {
  if (!parts) return <>{fallback}</>;
  return (
    <>
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
