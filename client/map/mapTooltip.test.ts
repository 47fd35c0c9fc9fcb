import { describe, expect, it } from 'vitest';
import { emptyCounters } from '../../shared/aggregates/regionCounters';
import { mapTooltipHtml } from './mapTooltip';

const labels = { open: '未办结', today: '今日事件', closedToday: '今日办结', noData: '暂无数据' };

describe('mapTooltipHtml', () => {
  it('escapes a region name carrying markup (names come from an imported file)', () => {
    const html = mapTooltipHtml('<script>alert(1)</script>社区', '社区', emptyCounters(), labels);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;社区');
  });
  it('shows open, today and closed-today counters', () => {
    const html = mapTooltipHtml('曙光社区', '社区', { ...emptyCounters(), open: 7, today: 3, closedToday: 2 }, labels);
    expect(html).toMatch(/未办结.*>7</);
    expect(html).toMatch(/今日事件.*>3</);
    expect(html).toMatch(/今日办结.*>2</);
  });
  it('says there is no data before the snapshot', () => {
    expect(mapTooltipHtml('曙光社区', '社区', null, labels)).toContain('暂无数据');
  });
});
