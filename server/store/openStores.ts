import type { ServerConfig } from '../config';
import type { EventStore } from './eventStore';
import { SqliteEventStore } from './sqlite/sqliteEventStore';
import type { AlertStore } from '../alerts/alertStore';
import { SqliteAlertStore } from '../alerts/sqliteAlertStore';
import type { AuthStore } from '../auth/authStore';
import { SqliteAuthStore } from '../auth/sqliteAuthStore';

export interface Stores {
  store: EventStore;
  alertStore: AlertStore;
  authStore: AuthStore;
}

/**
 * Opens the stores named by the config and runs their migrations: PostgreSQL when DATABASE_URL
 * is set, else the embedded SQLite file in DATA_DIR. Alerts and auth share the event store's
 * connection; closing the event store closes them all.
 */
export async function openStores(config: Pick<ServerConfig, 'databaseUrl' | 'databaseSchema' | 'dataDir'>): Promise<Stores> {
  let stores: Stores;
  if (config.databaseUrl) {
    const { PostgresEventStore } = await import('./postgres/postgresEventStore');
    const { PostgresAlertStore } = await import('../alerts/postgresAlertStore');
    const { PostgresAuthStore } = await import('../auth/postgresAuthStore');
    const store = new PostgresEventStore(config.databaseUrl, config.databaseSchema ? { schema: config.databaseSchema } : {});
    stores = { store, alertStore: new PostgresAlertStore(store.pool), authStore: new PostgresAuthStore(store.pool) };
  } else {
    const store = new SqliteEventStore(config.dataDir);
    stores = { store, alertStore: new SqliteAlertStore(store.db), authStore: new SqliteAuthStore(store.db) };
  }
  await stores.store.migrate();
  await stores.alertStore.migrate();
  await stores.authStore.migrate();
  return stores;
}
