// Progress of long work on the command line: on a terminal, one line that updates in
// place (what is done, how fast, how long is left); elsewhere (a log, a pipe, CI) a
// plain line every few seconds, and nothing at all for work shorter than that.
import v8 from "node:v8";
import vm from "node:vm";

const REDRAW_MS = 100;
const PLAIN_EVERY_MS = 5_000;
const SAMPLES = 64;
const MIN_SAMPLE_EVERY = 256 * 1024;

export interface Progress {
  /** `done` of `total` (units of the caller's choosing, e.g. bytes), after `count` items. */
  update(done: number, total: number | null, count: number): void;
  /** A step without a measure ("Checking references"). */
  step(text: string): void;
  /** Clears the updating line, before the command's own report. */
  end(): void;
}

export function createProgress(out: NodeJS.WriteStream, label: string, noun: string): Progress {
  const tty = Boolean(out.isTTY);
  const start = performance.now();
  let drawn = 0;
  let shown = false;
  let plain = start;
  const write = (line: string, now: number) => {
    if (tty) {
      out.write(`\r\x1b[2K${line}`);
      shown = true;
    } else if (now - plain >= PLAIN_EVERY_MS) {
      out.write(`${line}\n`);
      plain = now;
    }
  };
  return {
    update(done, total, count) {
      const now = performance.now();
      if (tty && now - drawn < REDRAW_MS) return;
      drawn = now;
      const seconds = (now - start) / 1000;
      const fraction = total ? Math.min(1, done / total) : null;
      const parts = [
        fraction === null ? null : `${Math.floor(fraction * 100)}%`,
        `${count.toLocaleString("en-US")} ${noun}`,
        seconds > 0 ? `${Math.round(count / seconds).toLocaleString("en-US")} ${noun}/s` : null,
        fraction && fraction < 1 ? `about ${duration((seconds * (1 - fraction)) / fraction)} left` : null,
      ];
      write(`${label}: ${parts.filter(Boolean).join(" · ")}`, now);
    },
    step(text) {
      const now = performance.now();
      if (!tty) plain = 0; // a new step is worth a line once the work has taken a while
      if (tty || now - start >= PLAIN_EVERY_MS) write(text, now);
    },
    end() {
      if (tty && shown) out.write("\r\x1b[2K");
    },
  };
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/**
 * The most live heap a command held, measured after a full garbage collection at most
 * SAMPLES times over the work (so garbage not yet collected does not count), and the
 * peak resident memory of the process. For `--memory`: the collections slow it a little.
 */
export function createMemoryMeter() {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  let peak = 0;
  let next = 0;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  return {
    sample(done: number, total: number | null) {
      if (done < next) return;
      next = done + Math.max(MIN_SAMPLE_EVERY, (total ?? 0) / SAMPLES);
      sample();
    },
    report(): string {
      sample();
      return peakMemoryLine(peak);
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * "Peak memory: 28.3 MB of live heap, 180.4 MB resident", or without a live heap (no
 * --memory, so no collections to measure it) the resident peak alone, which costs
 * nothing to read. bench:import reads these lines (PEAK_MEMORY_LINE).
 */
export function peakMemoryLine(liveHeapBytes?: number): string {
  const resident = `${mb(process.resourceUsage().maxRSS * 1024)} resident`;
  return `Peak memory: ${liveHeapBytes === undefined ? "" : `${mb(liveHeapBytes)} of live heap, `}${resident}`;
}

/** What peakMemoryLine writes: the live heap (if measured) and the resident peak, in MB. */
export const PEAK_MEMORY_LINE = /Peak memory: (?:([\d.]+) MB of live heap, )?([\d.]+) MB resident/;
