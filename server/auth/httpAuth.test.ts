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
});
