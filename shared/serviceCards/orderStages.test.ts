import { describe, expect, it } from 'vitest';
import { ORDER_STAGES, allowedNextStages, canMoveOrder, isOrderFinal, isOrderOpen } from './orderStages';

describe('order stages', () => {
  it('walks 点单 → 下单 → 接单 → 完成 → 评价', () => {
    const path = ['requested', 'dispatched', 'accepted', 'done', 'rated'] as const;
    for (let i = 1; i < path.length; i++) expect(canMoveOrder(path[i - 1], path[i])).toBe(true);
  });

  it('refuses skipping stages, going back after acceptance, and anything after the end', () => {
    expect(canMoveOrder('requested', 'accepted')).toBe(false);
    expect(canMoveOrder('requested', 'done')).toBe(false);
    expect(canMoveOrder('accepted', 'cancelled')).toBe(false);
    expect(canMoveOrder('done', 'accepted')).toBe(false);
    for (const s of ORDER_STAGES.filter(isOrderFinal)) expect(allowedNextStages(s)).toEqual([]);
  });

  it('lets a partner unit decline (back to 点单) and an order not yet accepted be cancelled', () => {
    expect(allowedNextStages('dispatched')).toEqual(['accepted', 'requested', 'cancelled']);
    expect(allowedNextStages('requested')).toEqual(['dispatched', 'cancelled']);
  });

  it('calls requested, dispatched and accepted open', () => {
    expect(ORDER_STAGES.filter(isOrderOpen)).toEqual(['requested', 'dispatched', 'accepted']);
  });
});
