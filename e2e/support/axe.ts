// One accessibility check for every spec: an axe scan of the page as it stands, failing
// on any serious or critical violation, with what and where in the message.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Scans once the page's CSS animations and transitions have run: a card of the visual
 * timeline fading in is, halfway, grey text on white, and axe would report its colour
 * contrast. Endless animations are not waited for. `alsoReject`: rules to fail on at
 * any impact (aria-allowed-role is "minor" to axe and still costs Lighthouse's 100).
 */
export async function expectNoSeriousAxeViolations(page: Page, options: { what?: string; alsoReject?: string[] } = {}) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical" || options.alsoReject?.includes(v.id));
  const found = JSON.stringify(
    serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) })),
    null,
    2,
  );
  expect(serious, options.what ? `${options.what}: ${found}` : found).toEqual([]);
}
