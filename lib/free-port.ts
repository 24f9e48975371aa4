// A loopback port nobody listens on now: for the embedded PostgreSQL, for Next.js behind
// the front server (scripts/start.mts) and for the benchmarks' own app. Another process
// could take it before the caller listens; callers retry by starting again.
import { createServer } from "node:net";

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}
