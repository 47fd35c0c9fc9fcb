/**
 * Preloaded into a server process under test (NODE_OPTIONS="--import <this file>", PROBE_FILE
 * set): every PROBE_MS (default 250) appends one JSON line to PROBE_FILE with the wall time, the
 * process's CPU (µs, cumulative), event-loop utilisation over the interval and the event-loop
 * delay over the interval (max and p99, ms). Changes nothing in the server; the bench reads the
 * lines for its load window. Plain JavaScript so that it loads before tsx.
 */
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const file = process.env.PROBE_FILE;
if (file) {
  const every = Number(process.env.PROBE_MS ?? 250);
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let elu = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const d = performance.eventLoopUtilization(now, elu);
    elu = now;
    const cpu = process.cpuUsage();
    const line = { t: Date.now(), cpuUs: cpu.user + cpu.system, elu: d.utilization, delayMaxMs: h.max / 1e6, delayP99Ms: h.percentile(99) / 1e6 };
    h.reset();
    try {
      appendFileSync(file, JSON.stringify(line) + '\n');
    } catch {
      /* the bench removed the file: ignore */
    }
  }, every);
  timer.unref();
}
