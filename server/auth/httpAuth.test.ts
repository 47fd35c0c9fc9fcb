import { describe, expect, it } from 'vitest';
import { credentialOf } from './httpAuth';

describe('credentialOf', () => {
  it('takes a bearer token first, else the session cookie, else nothing', () => {
    expect(credentialOf({ authorization: 'Bearer gp_abc' })).toBe('gp_abc');
    expect(credentialOf({ cookie: 'a=1; gp_session=eyJ.x.y; b=2' })).toBe('eyJ.x.y');
    expect(credentialOf({ authorization: 'Basic xyz', cookie: 'other=1' })).toBeNull();
    expect(credentialOf({ authorization: 'Bearer ' })).toBeNull();
    expect(credentialOf({})).toBeNull();
  });

  it('keeps a person and a wall screen in one browser apart: the person speaks unless the wall page asks for the screen', () => {
    const both = 'gp_screen=gp_wall; gp_session=eyJ.person';
    expect(credentialOf({ cookie: both })).toBe('eyJ.person');
    expect(credentialOf({ cookie: both }, 'screen')).toBe('gp_wall');
    expect(credentialOf({ cookie: 'gp_screen=gp_wall' })).toBe('gp_wall');
    expect(credentialOf({ cookie: 'gp_session=eyJ.person' }, 'screen')).toBe('eyJ.person');
    expect(credentialOf({ authorization: 'Bearer gp_abc', cookie: both }, 'screen')).toBe('gp_abc');
  });
});
