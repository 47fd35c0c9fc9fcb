/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints
 * each figure with the machine it ran on. Copy the output into docs/BENCHMARKS.md.
 */
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

console.log(`# GridPulse benchmarks — ${new Date().toISOString()}`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`);
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: () => Promise<BenchFigure[]> };
  console.log(`\n## ${f}`);
  for (const fig of await mod.run()) {
    console.log(`${fig.name}: ${fig.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${fig.unit}${fig.note ? `  (${fig.note})` : ''}`);
  }
}
