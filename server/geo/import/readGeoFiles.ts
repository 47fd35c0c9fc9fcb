import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Geometry } from 'geojson';
import type { Crs } from '../../../shared/geo/crs';
import { LEVELS, type Level } from '../../../shared/geo/region';
import type { GeoProblem, ImportFeature } from '../validate/problem';

const READABLE = new Set(['.geojson', '.json', '.csv']);

/**
 * Reads the import inputs: GeoJSON files (a FeatureCollection or a single Feature), a folder of
 * them (not recursive), and regions tables for parents without outlines — a JSON array of
 * region objects or a CSV with a header row (id,parentId,level,name[,kind,population,households]).
 * `crs`: the system the coordinates are in; a file declaring another `crs_name` is refused.
 * A file that cannot be read or parsed is a problem naming the file; the others are still read.
 */
export function readGeoFiles(paths: readonly string[], crs: Crs = 'wgs84'): { features: ImportFeature[]; problems: GeoProblem[] } {
  const features: ImportFeature[] = [];
  const problems: GeoProblem[] = [];
  const fileProblem = (file: string, rule: string, text: string) => problems.push({ severity: 'error', rule, features: [], message: `${file}: ${text}` });

  for (const file of expand(paths, fileProblem)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fileProblem(file, 'unreadable-file', `cannot be read (${(e as Error).message})`);
      continue;
    }
    const fileLevel = levelFromFileName(file);
    let index = 0;
    const push = (properties: Record<string, unknown>, geometry: Geometry | null) =>
      features.push({ file, index: index++, properties, geometry, level: levelOf(properties, fileLevel) });

    if (extname(file).toLowerCase() === '.csv') {
      for (const row of parseCsv(text)) push(row, null);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      fileProblem(file, 'bad-json', `is not valid JSON (${(e as Error).message})`);
      continue;
    }
    const declared = (json as { crs_name?: unknown })?.crs_name;
    if (declared !== undefined && declared !== crs) {
      fileProblem(file, 'crs-mismatch', `declares crs_name ${JSON.stringify(declared)} but the import reads ${crs} (see --crs)`);
      continue;
    }
    if (Array.isArray(json)) {
      for (const row of json) push(isObject(row) ? row : {}, null);
    } else if (isObject(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) {
      for (const f of json.features) push(isObject(f) && isObject(f.properties) ? f.properties : {}, isObject(f) && isObject(f.geometry) ? (f.geometry as unknown as Geometry) : null);
    } else if (isObject(json) && json.type === 'Feature') {
      push(isObject(json.properties) ? json.properties : {}, isObject(json.geometry) ? (json.geometry as unknown as Geometry) : null);
    } else {
      fileProblem(file, 'not-geojson', 'is neither a GeoJSON FeatureCollection or Feature nor a regions table (a JSON array)');
    }
  }
  return { features, problems };
}

/** Files named, and the readable files inside folders named, in a stable order. */
function expand(paths: readonly string[], fileProblem: (file: string, rule: string, text: string) => void): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      fileProblem(p, 'unreadable-file', 'does not exist');
      continue;
    }
    if (!isDir) out.push(p);
    else out.push(...readdirSync(p).filter((f) => READABLE.has(extname(f).toLowerCase())).sort().map((f) => join(p, f)));
  }
  return out;
}

/** "grids.geojson", "dongsheng-communities.json" → the level the name mentions, if exactly one. */
export function levelFromFileName(file: string): Level | undefined {
  const name = basename(file).toLowerCase();
  const found = LEVELS.filter((l) => name.includes(l === 'community' ? 'communit' : l));
  return found.length === 1 ? found[0] : undefined;
}

function levelOf(properties: Record<string, unknown>, fileLevel: Level | undefined): Level | undefined {
  const l = properties.level;
  if (l === undefined || l === null || l === '') return fileLevel;
  return LEVELS.includes(l as Level) ? (l as Level) : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Minimal CSV: header row, comma-separated, double quotes around fields that need them. */
function parseCsv(text: string): Record<string, unknown>[] {
  const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '').map(splitCsvLine);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells) => {
    const row: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const v = cells[i] ?? '';
      if (v === '') return;
      row[h.trim()] = (h.trim() === 'population' || h.trim() === 'households') && /^\d+$/.test(v) ? Number(v) : v;
    });
    return row;
  });
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (out.push(cur), (cur = ''));
    else cur += c;
  }
  out.push(cur);
  return out;
}
