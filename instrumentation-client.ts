// Runs in the browser before any of the app's own code (Next.js's instrumentation-client).
//
// zod compiles each object schema with `new Function` when it may, and probes whether
// it may by trying once. The Content-Security-Policy allows no eval (lib/security/csp.ts),
// so the browser reports every page that builds a schema as a violation, even though
// zod catches the refusal. In the browser zod checks a form at a time, for which its
// interpreter is quick enough; the server, which validates whole datasets, keeps the compiler.
//
// zod keeps its configuration in `globalThis.__zod_globalConfig` (the one place every
// copy of zod reads it, zod PR #5889) and keeps an object it finds there. Setting it here
// rather than calling `config()` from "zod/v4/core" keeps zod out of the first load of
// every page: only the staff forms use zod in the browser.
const zodGlobal = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };
