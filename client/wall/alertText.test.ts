import { describe, expect, it } from 'vitest';
import { makeAlert } from '../stream/testing/fixtures';
import { alertText } from './alertText';

const w = { category: (c: string) => `<${c}>`, spike: (n: number, u: number) => `${n} vs ${u}` };

describe('alertText', () => {
  it('drops the bracketed kind the card already shows as a tag', () => {
    expect(alertText(makeAlert(1, { title: '【非常紧急】民生诉求 · 育才社区：暖气不热' }), 'zh-CN', w)).toBe('民生诉求 · 育才社区：暖气不热');
  });
  it('words a spike from its counts in English', () => {
    expect(alertText(makeAlert(1, { kind: 'spike', title: '【激增】团结社区 本小时已上报 8 件', detail: { count: 8, usual: 0 } }), 'en', w)).toBe('8 vs 0');
  });
  it('puts the category in front in English and keeps the quoted words', () => {
    expect(alertText(makeAlert(1, { title: '【非常紧急】x', detail: { category: 'livelihood' } }), 'en', w)).toBe('<livelihood> — x');
  });
  it('keeps a title without a bracketed kind as it is', () => {
    expect(alertText(makeAlert(1, { title: '<img src=x onerror=alert(1)>' }), 'zh-CN', w)).toBe('<img src=x onerror=alert(1)>');
  });
});
