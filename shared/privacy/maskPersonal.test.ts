import { describe, expect, it } from 'vitest';
import { maskEvent, maskName, maskPhone } from './maskPersonal';

describe('maskPersonal', () => {
  it('keeps the first character of a name and no more', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('*');
  });

  it('shows a mobile number as 3 + 4 digits, anything shorter as its last two', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('***45');
  });

  it('masks the reporter of an event and leaves the rest as it was', () => {
    const e = { id: 'a', reporter: { name: '李四', phone: '13900001111' }, description: '李四家漏水' } as never;
    expect(maskEvent(e)).toEqual({ id: 'a', reporter: { name: '李*', phone: '139****1111' }, description: '李四家漏水' });
    const none = { id: 'b', reporter: null } as never;
    expect(maskEvent(none)).toBe(none);
  });
});
