import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml';

describe('escapeHtml', () => {
  it('neutralises markup a resident could type into a description', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });
  it('escapes ampersands first so entities are not double-decoded', () => {
    expect(escapeHtml('&lt;b&gt; & \'q\'')).toBe('&amp;lt;b&amp;gt; &amp; &#39;q&#39;');
  });
  it('renders null and numbers as text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
  it('leaves Chinese text alone', () => {
    expect(escapeHtml('楼上漏水，邻里纠纷')).toBe('楼上漏水，邻里纠纷');
  });
});
