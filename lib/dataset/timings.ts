// Where an import spends its time, phase by phase: for `npm run import -- --timings`
// and `npm run bench:import`, never for tests (timings belong in benchmarks). A phase
// timed more than once (a COPY per batch) adds up, with a count. Phases that overlap
// (reading the file while the previous batch is copied) each say their own time, so
// the phases need not add up to the wall time.
//
// Wall time on a shared machine says more about the other users than about the import,
// so a timed phase also says the CPU time it took in this process and, when the
// database server runs on this machine (the embedded one does) and its process can be
// read, in the PostgreSQL backend that served it.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export interface PhaseTiming {
  phase: string;
  ms: number;
  /** CPU time of this process and of the database backend; null when not measured. */
  nodeCpuMs: number | null;
  databaseCpuMs: number | null;
  count: number;
}

export class ImportTimings {
  private phases = new Map<string, PhaseTiming>();
  private readonly start = performance.now();
  private readonly startCpu = process.cpuUsage();
  private backendCpu: (() => number | null) | null = null;
  private startBackendCpu: number | null = null;
  /** The backend's CPU time when last read: the backend is gone once the command closes its connection. */
  private lastBackendCpu: number | null = null;

  /** Reads the CPU time of the database backend with process id `pid`, if it is a process of this machine. */
  watchBackend(pid: number) {
    const read = () => {
      try {
        // utime and stime, in clock ticks (100 a second on Linux), after the command name.
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return null;
      }
    };
    this.startBackendCpu = read();
    if (this.startBackendCpu !== null) this.backendCpu = read;
  }

  add(phase: string, ms: number, nodeCpuMs: number | null = null, databaseCpuMs: number | null = null) {
    const entry = this.phases.get(phase) ?? { phase, ms: 0, nodeCpuMs: null, databaseCpuMs: null, count: 0 };
    this.phases.set(phase, entry);
    entry.ms += ms;
    if (nodeCpuMs !== null) entry.nodeCpuMs = (entry.nodeCpuMs ?? 0) + nodeCpuMs;
    if (databaseCpuMs !== null) entry.databaseCpuMs = (entry.databaseCpuMs ?? 0) + databaseCpuMs;
    entry.count++;
  }

  /** Starts timing `phase`; the function returned ends it, adding its wall and CPU time. */
  begin(phase: string): () => void {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const backend = this.backendCpu?.() ?? null;
    return () => {
      const used = process.cpuUsage(cpu);
      const backendNow = backend === null ? null : (this.backendCpu?.() ?? null);
      if (backendNow !== null) this.lastBackendCpu = backendNow;
      this.add(phase, performance.now() - start, (used.user + used.system) / 1000, backendNow === null || backend === null ? null : backendNow - backend);
    };
  }

  /** Runs `work`, adding its wall and CPU time to `phase`. */
  async time<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
    const end = this.begin(phase);
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** Every phase in the order it was first timed, and the totals since this was created. */
  report(): { phases: PhaseTiming[]; totalMs: number; nodeCpuMs: number; databaseCpuMs: number | null } {
    const used = process.cpuUsage(this.startCpu);
    const backend = this.backendCpu?.() ?? this.lastBackendCpu;
    return {
      phases: [...this.phases.values()],
      totalMs: performance.now() - this.start,
      nodeCpuMs: (used.user + used.system) / 1000,
      databaseCpuMs: backend === null || this.startBackendCpu === null ? null : backend - this.startBackendCpu,
    };
  }
}

/** Timings that time nothing, for writers that were not asked to measure. */
export const NO_TIMINGS = {
  add() {},
  begin: () => () => {},
  watchBackend() {},
  time: <T>(_phase: string, work: () => Promise<T> | T): Promise<T> => Promise.resolve().then(work),
} as unknown as ImportTimings;

/** A table of phases as `--timings` prints it: wall seconds, the share of the total, CPU seconds, and how many times a phase ran. */
export function formatTimings({ phases, totalMs, nodeCpuMs, databaseCpuMs }: ReturnType<ImportTimings["report"]>): string {
  const width = Math.max(12, ...phases.map((p) => p.phase.length));
  const seconds = (ms: number | null) => (ms === null ? "" : (ms / 1000).toFixed(2));
  const line = (phase: string, wall: string, share: string, node: string, database: string, runs: string) =>
    `${phase.padEnd(width)} ${wall.padStart(7)} ${share.padStart(6)} ${node.padStart(9)} ${database.padStart(9)} ${runs.padStart(6)}`;
  return [
    line("phase", "wall s", "share", "node CPU", "db CPU", "runs"),
    ...phases.map((p) => line(p.phase, seconds(p.ms), `${Math.round((p.ms / totalMs) * 100)}%`, seconds(p.nodeCpuMs), seconds(p.databaseCpuMs), String(p.count))),
    line("total", seconds(totalMs), "", seconds(nodeCpuMs), databaseCpuMs === null ? "" : seconds(databaseCpuMs), ""),
  ].join("\n");
}
