// Loaded by `npm run soak` into every Node.js process of the app it starts
// (NODE_OPTIONS=--import …; never by `npm start` itself). On SIGUSR2 it collects
// garbage and writes process.memoryUsage() to DOCKETLINE_MEMORY_PROBE_DIR/<pid>.json:
// the heap that is still reachable after a full collection tells a leak from memory
// V8 has simply not collected yet, which the resident size (RSS) alone cannot. Every
// 5 s it also appends process.memoryUsage(), uncollected, to <pid>.samples.jsonl.
// With DOCKETLINE_MEMORY_PROBE_SNAPSHOTS=DIR it also writes a heap snapshot there, to
// see in Chrome's DevTools what holds the memory.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";

const dir = process.env.DOCKETLINE_MEMORY_PROBE_DIR;
if (dir) {
  // --expose-gc without putting it in NODE_OPTIONS, where Next.js's CLI rewrites flags.
  v8.setFlagsFromString("--expose-gc");
  const collectGarbage = vm.runInNewContext("gc");
  process.on("SIGUSR2", () => {
    // Twice: the first pass finalises what the second frees (weak references, buffers).
    collectGarbage();
    collectGarbage();
    const sample = { pid: process.pid, argv: process.argv.slice(1).join(" "), at: Date.now(), ...process.memoryUsage() };
    const snapshots = process.env.DOCKETLINE_MEMORY_PROBE_SNAPSHOTS;
    const snapshot = snapshots ? v8.writeHeapSnapshot(path.join(snapshots, `${process.pid}-${sample.at}.heapsnapshot`)) : null;
    const file = path.join(dir, `${process.pid}.json`);
    // Written whole and renamed, so that a reader never sees half of it.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ ...sample, snapshot }));
    fs.renameSync(`${file}.tmp`, file);
  });
  // Without a collection, every 5 s: how far V8 lets its heap grow before it collects.
  const samples = path.join(dir, `${process.pid}.samples.jsonl`);
  setInterval(() => fs.appendFileSync(samples, `${JSON.stringify({ at: Date.now(), ...process.memoryUsage() })}\n`), 5000).unref();
}
