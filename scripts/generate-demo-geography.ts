/**
 * `npm run geo:generate [-- --seed N --grids N --out FILE]`: writes the demo geography,
 * public/geo/dongsheng.geojson, from the real names and codes of Dongsheng district (东胜区)
 * and generated outlines. Deterministic: the same seed gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chinaDivisionNames } from './geography/chinaDivision';
import { DEMO_SEED, DEMO_GRIDS, DEMO_SOURCE } from './geography/demoSettings';
import { generateGeography } from './geography/generateGeography';
import { formatGeography } from './geography/formatGeography';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(DEMO_SEED) },
    grids: { type: 'string', default: String(DEMO_GRIDS) },
    out: { type: 'string', default: resolve(repo, 'public/geo/dongsheng.geojson') },
  },
});

const names = chinaDivisionNames('150602', '东胜区');
const geo = generateGeography(names, { seed: Number(values.seed), grids: Number(values.grids), source: DEMO_SOURCE });
mkdirSync(dirname(values.out), { recursive: true });
const text = formatGeography(geo);
writeFileSync(values.out, text);
const count = (level: string) => geo.features.filter((f) => f.properties.level === level).length;
console.log(
  `wrote ${values.out}: ${count('street')} streets, ${count('community')} communities, ${count('grid')} grids, ${(text.length / 1024).toFixed(0)} KiB`,
);
