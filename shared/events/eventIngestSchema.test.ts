import { describe, expect, it } from 'vitest';
import { eventIngestSchema } from './eventIngestSchema';
import { transitionSchema } from './transitionSchema';

const ok = { clientId: 'app-1', category: 'dispute', source: 'hotline', location: { lon: 109.98, lat: 39.82 } };
const fieldOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join('.'));

describe('eventIngestSchema', () => {
  it('fills the defaults a minimal report leaves out', () => {
    expect(eventIngestSchema.parse(ok)).toMatchObject({ severity: 'normal', crs: 'wgs84', description: '' });
  });

  it('names the field that is wrong', () => {
    expect(fieldOf(eventIngestSchema.safeParse({ ...ok, location: { lon: 200, lat: 39 } }))).toEqual(['location.lon']);
    expect(fieldOf(eventIngestSchema.safeParse({ ...ok, clientId: 'has space' }))).toEqual(['clientId']);
    expect(fieldOf(eventIngestSchema.safeParse({ ...ok, crs: 'epsg3857' }))).toEqual(['crs']);
    expect(fieldOf(eventIngestSchema.safeParse({ ...ok, reportedAt: 'yesterday' }))).toEqual(['reportedAt']);
    expect(fieldOf(eventIngestSchema.safeParse({ ...ok, gridId: '123' }))).toEqual(['gridId']);
    expect(fieldOf(eventIngestSchema.safeParse({ ...ok, extra: 1 }))).toEqual(['']);
  });

  it('refuses NUL in user text (PostgreSQL cannot store it) but keeps any other text as given', () => {
    expect(fieldOf(eventIngestSchema.safeParse({ ...ok, description: 'a\u0000b' }))).toEqual(['description']);
    expect(eventIngestSchema.parse({ ...ok, description: '<script>漏水</script>' }).description).toBe('<script>漏水</script>');
    expect(fieldOf(transitionSchema.safeParse({ action: 'accept', actor: 'x', note: '\u0000' }))).toEqual(['note']);
  });

  it('needs a unit to dispatch (trimmed), and no actor (the server knows who is signed in)', () => {
    expect(fieldOf(transitionSchema.safeParse({ action: 'dispatch' }))).toEqual(['unit']);
    expect(transitionSchema.parse({ action: 'dispatch', unit: ' 司法所 ' })).toMatchObject({ unit: '司法所' });
  });
});
