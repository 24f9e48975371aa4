// Which Chromium the end-to-end tests drive: Playwright's own when it is installed,
// else the system's (Debian's `chromium` package), else — as root with apt-get — it
// installs Debian's; otherwise it says what to install.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export interface BrowserChoice {
  /** Undefined: Playwright's own browser. */
  executablePath?: string;
  description: string;
}

/** Without `install`, only looks; returns null when there is nothing to use. */
export function findBrowser({ install = false, log = (line: string) => console.log(line) } = {}): BrowserChoice | null {
  const configured = process.env.DOCKETLINE_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`DOCKETLINE_CHROMIUM=${configured} does not exist.`);
    return { executablePath: configured, description: configured };
  }
  try {
    if (existsSync(chromium.executablePath())) return { description: "Playwright's Chromium" };
  } catch {
    // No Playwright browser registered for this platform.
  }
  const system = SYSTEM_CHROMIUM.find((file) => existsSync(file));
  if (system) return { executablePath: system, description: system };
  if (!install) return null;

  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    log("No browser found: installing Debian's chromium (apt-get install chromium)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (existsSync("/usr/bin/chromium")) return { executablePath: "/usr/bin/chromium", description: "/usr/bin/chromium (just installed)" };
  }
  throw new Error(
    [
      "The end-to-end tests need Chromium, and none was found.",
      "Install one of:",
      "  npx playwright install chromium        (Playwright's own browser)",
      "  sudo apt-get install chromium          (Debian and Ubuntu)",
      "or point DOCKETLINE_CHROMIUM at a Chromium or Chrome executable.",
    ].join("\n"),
  );
}

/**
 * Flags for a system Chromium on a locked-down machine: as root it needs --no-sandbox,
 * and without network it must not try to reach Google's services.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
