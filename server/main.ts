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
  process.stderr.write(
    `\nGridPulse is running (store: ${server.store.kind}, simulator: ${config.simulator ? 'on' : 'off'})\n` +
      `  wall screen  ${base}/\n` +
      `  API          ${base}/api/health\n` +
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
