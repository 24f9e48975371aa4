import path from "node:path";

import type { Page } from "@playwright/test";

/**
 * Screenshots for people to look at: into test-results/screenshots on every run, and
 * into docs/screenshots (the README's pictures) when UPDATE_SCREENSHOTS=1.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.UPDATE_SCREENSHOTS === "1" ? path.join("docs", "screenshots") : path.join(process.env.PLAYWRIGHT_OUTPUT_DIR ?? "test-results", "screenshots");
  await page.screenshot({ path: path.join(folder, `${name}.png`) });
}
