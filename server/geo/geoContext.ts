import type { LoadedGeography } from './loadGeography';

export type { LoadedGeography };

/**
 * The geography in force. A holder rather than the value itself, so that a re-import can swap
 * it while the server runs and every user sees the new one on its next read.
 */
export interface GeoContext {
  current: LoadedGeography;
}
