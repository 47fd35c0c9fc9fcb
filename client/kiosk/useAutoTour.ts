import { onScopeDispose, shallowRef } from 'vue';
import type { ShallowRef } from 'vue';
import type { AutoTourOptions, TourState } from './autoTour';
import { AutoTour } from './autoTour';

/**
 * The auto-tour of the calling component (see AutoTour), started at once when `periodMs` > 0,
 * stopped with the component. `state` follows it for the header's indicator.
 */
export function useAutoTour(o: Omit<AutoTourOptions, 'onChange'>): { tour: AutoTour | null; state: ShallowRef<TourState | null> } {
  const state = shallowRef<TourState | null>(null);
  if (o.periodMs <= 0) return { tour: null, state };
  const tour = new AutoTour({ ...o, onChange: (s) => (state.value = s) });
  tour.start();
  onScopeDispose(() => tour.stop());
  return { tour, state };
}
