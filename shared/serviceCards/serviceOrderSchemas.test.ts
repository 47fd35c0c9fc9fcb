import { describe, expect, it } from 'vitest';
import { orderCreateSchema, stageChangeSchema } from './serviceOrderSchemas';

const fields = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('service-card request schemas', () => {
  it('takes an order by grid or by location', () => {
    expect(orderCreateSchema.safeParse({ clientId: 'o-1', category: 'legal', gridId: '150602001001001' }).success).toBe(true);
    expect(orderCreateSchema.safeParse({ clientId: 'o-1', category: 'meal', location: { lon: 109.98, lat: 39.82 }, crs: 'gcj02' }).success).toBe(true);
  });

  it('names the field at fault', () => {
    expect(fields(orderCreateSchema.safeParse({ clientId: 'o-1', category: 'massage', gridId: '150602001001001' }))).toEqual(['category']);
    expect(fields(orderCreateSchema.safeParse({ clientId: 'o-1', category: 'legal' }))).toEqual(['gridId']);
    expect(fields(stageChangeSchema.safeParse({ stage: 'dispatched', actor: '社区' }))).toEqual(['partnerUnit']);
    expect(fields(stageChangeSchema.safeParse({ stage: 'rated', actor: '居民' }))).toEqual(['rating']);
    expect(fields(stageChangeSchema.safeParse({ stage: 'rated', actor: '居民', rating: 6 }))).toEqual(['rating']);
    expect(fields(stageChangeSchema.safeParse({ stage: 'done', actor: '单位', rating: 5 }))).toEqual(['rating']);
    expect(fields(stageChangeSchema.safeParse({ stage: 'shipped', actor: '单位' }))).toEqual(['stage']);
  });
});
