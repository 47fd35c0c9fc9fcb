import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

let clkTck: number | null = null;
function ticksPerSecond(): number {
  if (clkTck === null) {
    try {
      clkTck = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clkTck = 100;
    }
  }
  return clkTck;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (Linux). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing ")" are fixed.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]); // field 14
  const stime = Number(rest[12]); // field 15
  return (utime + stime) / ticksPerSecond();
}

/** CPU seconds this process has used so far. */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds the whole machine has been busy (all cores; /proc/stat minus idle and iowait). */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0); // user nice system idle iowait irq softirq steal
  return (total - f[3] - f[4]) / ticksPerSecond();
}

/**
 * Measures CPU over a window: `start()` then `stop()` gives the share of one core (1.0 = one full
 * core) each named process used between the two calls.
 */
export class CpuWindow {
  private t0 = 0;
  private c0 = new Map<string, number>();
  constructor(private readonly procs: Record<string, number | 'self'>) {}
  private read(): Map<string, number> {
    const m = new Map(Object.entries(this.procs).map(([name, pid]) => [name, pid === 'self' ? ownCpuSeconds() : cpuSecondsOf(pid)]));
    m.set('machine', machineBusySeconds());
    return m;
  }
  start(): void {
    this.t0 = performance.now();
    this.c0 = this.read();
  }
  /** Share of one core per process (and the whole machine) over the window. */
  stop(): Record<string, number> {
    const s = (performance.now() - this.t0) / 1000;
    const c1 = this.read();
    return Object.fromEntries([...c1].map(([name, c]) => [name, (c - this.c0.get(name)!) / s]));
  }
}

const fmt0 = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** "gridpulse 48 %, loadgen 46 %, …; whole machine 150 % of 200 %, others (kernel, other programs) 56 %". */
export function cpuNote(cpu: Record<string, number>): string {
  const own = Object.entries(cpu).filter(([k]) => k !== 'machine');
  const mine = own.reduce((a, [, v]) => a + v, 0);
  const cores = cpus().length;
  return `${own.map(([k, v]) => `${k} ${fmt0(v * 100)} %`).join(', ')}; whole machine ${fmt0(cpu.machine * 100)} % of ${cores * 100} %, of which not these processes ${fmt0((cpu.machine - mine) * 100)} %`;
}


/**
 * Waits (at most `maxWaitMs`) until the machine has been quiet for a `sampleMs` sample: the
 * busy share of all cores below `threshold` (0.25 = a quarter of the machine's cores). Returns
 * the busy share of the last sample (cores, e.g. 0.3 = 30 % of one core), so a bench can say how
 * busy the machine was before it started; other programs on a shared machine skew every figure.
 */
export async function waitForQuietMachine(maxWaitMs = Number(process.env.BENCH_QUIET_WAIT_S ?? 180) * 1000, threshold = 0.25, sampleMs = 3_000): Promise<{ busyCores: number; waitedMs: number }> {
  const cores = cpus().length;
  const t0 = performance.now();
  for (;;) {
    const b0 = machineBusySeconds();
    await new Promise((r) => setTimeout(r, sampleMs));
    const busyCores = (machineBusySeconds() - b0) / (sampleMs / 1000);
    const waitedMs = performance.now() - t0;
    if (busyCores / cores < threshold || waitedMs >= maxWaitMs) {
      if (busyCores / cores >= threshold) console.error(`machine still busy (${fmt0(busyCores * 100)} % of one core) after ${fmt0(waitedMs / 1000)} s; measuring anyway`);
      return { busyCores, waitedMs };
    }
  }
}
