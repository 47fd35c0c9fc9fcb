import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useThrottled } from './useThrottled';

describe('useThrottled', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('passes the first change at once, then at most one per period, the latest winning', async () => {
    const scope = effectScope();
    const src = ref(0);
    const out = scope.run(() => useThrottled(src, 1000))!;
    src.value = 1;
    await nextTick();
    expect(out.value).toBe(1);
    src.value = 2;
    await nextTick();
    src.value = 3;
    await nextTick();
    vi.advanceTimersByTime(999);
    expect(out.value).toBe(1);
    vi.advanceTimersByTime(1);
    expect(out.value).toBe(3);
    scope.stop();
  });

  it('leaves no timer behind when its scope ends', async () => {
    const scope = effectScope();
    const src = ref(0);
    scope.run(() => useThrottled(src, 1000));
    src.value = 1;
    await nextTick();
    src.value = 2;
    await nextTick();
    expect(vi.getTimerCount()).toBe(1);
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows an urgent change at once (a focus switch to or from no data)', async () => {
    const scope = effectScope();
    const src = ref<number | null>(1);
    const out = scope.run(() => useThrottled(src, 1000, { urgent: (next, shown) => next === null || shown === null }))!;
    src.value = 2;
    await nextTick();
    src.value = null;
    await nextTick();
    expect(out.value).toBeNull();
    src.value = 5;
    await nextTick();
    expect(out.value).toBe(5);
    scope.stop();
  });
});
