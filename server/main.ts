/**
 * `npm start` ends up here: one process serving the wall, the API and the socket on one port,
 * with the embedded store in DATA_DIR and the simulator on unless SIMULATOR=off.
 */
import { loadConfig } from './config';
import { createLogger } from './log';
import { startServer } from './startServer';

const config = loadConfig();
const log = createLogger(config.logLevel);

try {
  const server = await startServer(config, log);
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const base = `http://${shown}:${server.port}`;
  log.info({ port: server.port, dataDir: config.dataDir, simulator: config.simulator }, 'GridPulse listening');
  // Humans read this part; keep it plain.
  const d = server.demo;
  process.stderr.write(
    `\nGridPulse is running (store: ${server.store.kind}, simulator: ${config.simulator ? 'on' : 'off'})\n` +
      (d
        ? `  wall screen  ${base}/?screen=${d.wallToken}\n` +
          `  console      ${base}/console   duty officer: ${d.officer.username} / ${d.officer.password}\n` +
          `  tablet       ${base}/tablet    leader: ${d.leader.username} / ${d.leader.password}\n` +
          `  admin        ${d.admin.username} / ${d.admin.password}   (all in ${config.dataDir}/demo-credentials.json)\n`
        : `  wall screen  ${base}/   (a screen token: npm run users -- token add --name 大厅 --role viewer)\n`) +
      `  API          ${base}/api/health   ${base}/api/openapi.json\n` +
      `  data folder  ${config.dataDir}\n\n`,
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  log.fatal({ err }, 'GridPulse could not start');
  process.exit(1);
}
