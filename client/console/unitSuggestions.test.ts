import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES } from '../../shared/events/categories';
import { unitSuggestions } from './unitSuggestions';

describe('unitSuggestions', () => {
  it('has suggestions for every category, the most likely unit first', () => {
    for (const c of CATEGORY_CODES) expect(unitSuggestions(c).length, c).toBeGreaterThan(0);
    expect(unitSuggestions('dispute')[0].name).toBe('人民调解委员会');
    expect(unitSuggestions('public_order')[0].name).toBe('派出所');
  });
  it('offers every unit for a category it does not know, each named once', () => {
    const all = unitSuggestions('something_new');
    expect(new Set(all.map((u) => u.name)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(10);
    expect(unitSuggestions(null)).toEqual(all);
  });
});
