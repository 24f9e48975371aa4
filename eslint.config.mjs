import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The layers point one way: app/ (routes) → components/ (UI) → lib/ (domain, data,
// actions). A component that needs a server action or a form model finds it in lib/
// (docs/decisions/013).
const fromApp = { group: ["@/app/*", "**/app/*"], message: "Only routes live in app/: move what is shared into lib/ (or components/ for UI)." };
const fromComponents = { group: ["@/components/*", "**/components/*"], message: "lib/ holds no UI: move what lib needs out of components/ into lib/." };

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [fromApp] }] } },
  { files: ["lib/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [fromApp, fromComponents] }] } },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**"]),
]);
