import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo geography shipped in the repository (public/geo/dongsheng.geojson), absolute. */
export const DEMO_GEOGRAPHY = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/geo/dongsheng.geojson');

/**
 * The geography file to load: `<dataDir>/geography.geojson` when a user has imported one
 * (`npm run geo:import`), else the shipped demo. `dataDir` is resolved against the working
 * directory, as the server's other data paths are.
 */
export function geographyPath(dataDir: string): string {
  const imported = resolve(dataDir, 'geography.geojson');
  return existsSync(imported) ? imported : DEMO_GEOGRAPHY;
}
