// The states' shapes as one SVG file that every map of the site references
// (components/us-map.tsx): the same bytes until the next deploy.
import { getStatesSprite } from "@/lib/maps/us-states";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(getStatesSprite(), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
