// next.config.js as Next.js loads it, for tests of the headers it gives.
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { NextConfig } from "next";

export async function loadNextConfig(): Promise<NextConfig> {
  // A variable specifier: next.config.js is plain JavaScript, outside the type-checked graph.
  const file = pathToFileURL(path.resolve("next.config.js")).href;
  const loaded = (await import(/* @vite-ignore */ file)) as { default: NextConfig };
  return loaded.default;
}
