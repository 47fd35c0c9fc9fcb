import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CRS_CODES, type Crs } from '../../shared/geo/crs';
import { importGeography } from '../../server/geo/import/importGeography';
import { DEFAULT_TOLERANCES, type Tolerances } from '../../server/geo/validate/problem';
import { formatGeography } from './formatGeography';

export const USAGE = `usage: npm run geo:import -- <files or folders> [options]

Reads GeoJSON of the four levels (district, street, community, grid): one file per level
(named after it: streets.geojson, grids.geojson, …) or features with a "level" property.
Properties: id, parentId, name; grids also kind (comprehensive|dedicated), optional
population, households. Validates everything, lists every problem, writes only when there
is no error.

options:
  --out <file>               where to write (default: $DATA_DIR/geography.geojson, DATA_DIR=data)
  --derive-parents           give parents without geometry the union of their children
  --crs <wgs84|gcj02|bd09>   system of the input coordinates (default wgs84); converted to WGS-84
  --outside-tolerance <f>    share of a child's area allowed outside its parent (default ${DEFAULT_TOLERANCES.outside})
  --overlap-tolerance <f>    share of the smaller sibling two siblings may overlap (default ${DEFAULT_TOLERANCES.overlap})
  --gap-tolerance <f>        share of a parent its children may leave uncovered (default ${DEFAULT_TOLERANCES.gap})
  --help`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

/** The geo:import command; returns the exit code (0 written, 1 problems, 2 usage). */
export function geoImportCli(argv: readonly string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'derive-parents': { type: 'boolean', default: false },
        crs: { type: 'string', default: 'wgs84' },
        'outside-tolerance': { type: 'string' },
        'overlap-tolerance': { type: 'string' },
        'gap-tolerance': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(`no input given\n\n${USAGE}`);
    return 2;
  }
  if (!CRS_CODES.includes(values.crs as Crs)) {
    io.err(`--crs must be one of ${CRS_CODES.join(', ')}, not ${values.crs}`);
    return 2;
  }
  const tolerances: Tolerances = { ...DEFAULT_TOLERANCES };
  for (const key of ['outside', 'overlap', 'gap'] as const) {
    const raw = values[`${key}-tolerance`];
    if (raw === undefined) continue;
    const v = Number(raw);
    if (!Number.isFinite(v) || v < 0 || v > 1) {
      io.err(`--${key}-tolerance must be a share between 0 and 1 (0.01 = 1 %), not ${raw}`);
      return 2;
    }
    tolerances[key] = v;
  }

  const result = importGeography(positionals, { deriveParents: values['derive-parents'], tolerances, crs: values.crs as Crs });
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  for (const p of [...errors, ...warnings]) (p.severity === 'error' ? io.err : io.out)(`${p.severity.padEnd(7)} [${p.rule}] ${p.message}`);
  if (!result.collection) {
    io.err(`${errors.length} error(s), ${warnings.length} warning(s): nothing written`);
    return 1;
  }
  const out = values.out ?? join(io.env.DATA_DIR || 'data', 'geography.geojson');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, formatGeography(result.collection));
  const count = (level: string) => result.collection!.features.filter((f) => f.properties.level === level).length;
  io.out(`wrote ${out}: 1 district, ${count('street')} streets, ${count('community')} communities, ${count('grid')} grids; ${warnings.length} warning(s)`);
  return 0;
}
