import { unwatchFile, watchFile } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { diffGeographies } from '../../shared/geo/diffGeographies';
import type { EventStore } from '../store/eventStore';
import type { RegionAggregates } from '../aggregates/regionAggregates';
import { rebuildCounters } from '../aggregates/rebuildCounters';
import type { EventWriter } from '../events/eventWriter';
import type { ChangeApplier } from '../events/changeApplier';
import type { GeoContext } from './geoContext';
import { geographyPath } from './geographyPath';
import { loadGeography } from './loadGeography';

export interface GeographyReloaderDeps {
  dataDir: string;
  geo: GeoContext;
  store: EventStore;
  aggregates: RegionAggregates;
  writer: EventWriter;
  /** Told of the rebuilt seq: the new counts hold everything up to it. */
  applier: ChangeApplier;
  log: Logger;
  /** Tells screens (StreamHub.geographyChanged). */
  onReloaded: () => void;
  /** How often to look at the imported file, ms. */
  pollMs?: number;
}

/**
 * Puts a re-imported geography (`npm run geo:import` writes DATA_DIR/geography.geojson) in
 * force while the server runs, on a change of that file or on SIGHUP. Stored events keep their
 * grid ids; counters are rebuilt for the new map (writes wait meanwhile) and the change is
 * logged. A file that fails to load is logged and the geography in force stays.
 */
export class GeographyReloader {
  private readonly watched: string;
  private readonly onSignal = () => void this.reload('SIGHUP');

  constructor(private readonly deps: GeographyReloaderDeps) {
    this.watched = resolve(deps.dataDir, 'geography.geojson');
  }

  start(): void {
    watchFile(this.watched, { interval: this.deps.pollMs ?? 2000 }, (curr, prev) => {
      // Node calls once with zeroed stats when the file does not exist yet: nothing changed.
      if (curr.mtimeMs === 0 && prev.mtimeMs === 0) return;
      void this.reload(curr.mtimeMs === 0 ? 'imported file removed' : 'file changed');
    });
    process.on('SIGHUP', this.onSignal);
  }

  stop(): void {
    unwatchFile(this.watched);
    process.off('SIGHUP', this.onSignal);
  }

  /** Loads the geography file in force now and switches to it; false when it could not. */
  async reload(reason: string): Promise<boolean> {
    const { geo, log } = this.deps;
    const file = geographyPath(this.deps.dataDir);
    let next;
    try {
      next = loadGeography(file);
    } catch (err) {
      log.error({ err, file, reason }, 'geography reload failed; keeping the geography in force');
      return false;
    }
    const diff = diffGeographies(geo.current.hierarchy, next.hierarchy);
    const rebuilt = await this.deps.writer.exclusive(async () => {
      geo.current = next;
      const r = await rebuildCounters(this.deps.store, this.deps.aggregates, next);
      this.deps.applier.rebuilt(r.seq);
      return r;
    });
    const count = (r: Record<string, string[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.length]));
    log.info(
      {
        file,
        reason,
        added: count(diff.added),
        removed: count(diff.removed),
        changed: diff.changed.length,
        addedGrids: diff.added.grid.slice(0, 20),
        removedGrids: diff.removed.grid.slice(0, 20),
        ...rebuilt,
        countedByLocation: 'events of removed grids count where their location falls now',
        unplaced: this.deps.aggregates.unplaced,
      },
      'geography reloaded',
    );
    this.deps.onReloaded();
    return true;
  }
}
