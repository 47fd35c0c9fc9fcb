/**
 * `npm run geo:import -- <files or folders> [--out FILE] [--derive-parents] [--crs …] [tolerances]`:
 * validates a user's geography and writes it where the server picks it up
 * (${DATA_DIR:-data}/geography.geojson). See docs/GEOGRAPHY.md and `--help`.
 */
import { geoImportCli } from './geography/geoImportCli';

process.exitCode = geoImportCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
});
