import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { geoImportCli } from './geoImportCli';

const fixture = (name: string) => fileURLToPath(new URL(`../../tests/fixtures/geo/${name}`, import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = geoImportCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run geo:import', () => {
  it('writes to $DATA_DIR/geography.geojson by default and exits 0', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gridpulse-data-'));
    const r = run([fixture('valid.geojson')], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${join(dataDir, 'geography.geojson')}`);
    expect(JSON.parse(readFileSync(join(dataDir, 'geography.geojson'), 'utf8')).features).toHaveLength(9);
  });

  it('refuses to write when there are errors, exits 1 and lists each', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gridpulse-out-')), 'g.geojson');
    const r = run([fixture('many-errors.geojson'), '--out', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    for (const rule of ['empty-name', 'invalid-kind', 'unknown-parent', 'outside-parent']) expect(r.err).toContain(`[${rule}]`);
    expect(r.err).toMatch(/\d+ error\(s\), 0 warning\(s\): nothing written/);
  });

  it('prints warnings and writes anyway', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gridpulse-out-')), 'g.geojson');
    const r = run([fixture('small-overlap.geojson'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^warning \[sibling-overlap\] grid 150602002001001/m);
    expect(existsSync(out)).toBe(true);
  });

  it('derives parents on request', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gridpulse-out-')), 'g.geojson');
    expect(run([fixture('derive'), '--out', out]).code).toBe(1);
    expect(run([fixture('derive'), '--derive-parents', '--out', out]).code).toBe(0);
  });

  it('exits 2 on a bad flag, with the usage', () => {
    expect(run([]).code).toBe(2);
    const r = run([fixture('valid.geojson'), '--gap-tolerance', '5']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--gap-tolerance must be a share between 0 and 1');
    expect(run([fixture('valid.geojson'), '--crs', 'utm']).code).toBe(2);
    expect(run(['--help']).out).toContain('--derive-parents');
  });
});
