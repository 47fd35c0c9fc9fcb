import { describe, expect, it } from 'vitest';
import { landingPage, safeNext } from './landingPage';

describe('landingPage', () => {
  it('sends officers and admins to the console, leaders to the tablet, screens to the wall', () => {
    expect(landingPage('officer')).toBe('/console');
    expect(landingPage('admin')).toBe('/console');
    expect(landingPage('leader')).toBe('/tablet');
    expect(landingPage('viewer')).toBe('/');
  });
});

describe('safeNext', () => {
  it('keeps a path of this site with its query', () => {
    expect(safeNext('/console')).toBe('/console');
    expect(safeNext('/tablet?focus=150602001')).toBe('/tablet?focus=150602001');
  });
  it('refuses other sites, protocol-relative and backslash tricks (no open redirect)', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'console', '', null, undefined, ['/console']]) expect(safeNext(bad)).toBeNull();
  });
  it('refuses the log-in page itself, which would loop', () => {
    expect(safeNext('/login')).toBeNull();
    expect(safeNext('/login?next=/console')).toBeNull();
    expect(safeNext('/loginhelp')).toBe('/loginhelp');
  });
});
