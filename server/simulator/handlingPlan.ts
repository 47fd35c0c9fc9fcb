import type { Category, Severity } from '../../shared/events/categories';
import type { Action } from '../../shared/events/eventLifecycle';
import type { EventStatus } from '../../shared/events/status';
import type { Random } from './random';

/** The unit each category is usually dispatched to (派遣对象). */
export const UNITS: Record<Category, readonly string[]> = {
  dispute: ['司法所', '人民调解委员会'],
  safety_hazard: ['应急管理站', '消防救援站'],
  sanitation: ['环卫中心', '物业服务中心'],
  public_order: ['派出所', '综治中心'],
  urban_management: ['城管执法中队'],
  facility_damage: ['市政维护中心', '物业服务中心', '供电所'],
  livelihood: ['社区服务站', '热力公司', '自来水公司'],
  special_care: ['民政办', '社区卫生服务站'],
  psych_crisis: ['社会心理服务站'],
};

/** Share of reports not accepted (duplicates, outside remit), and of results sent back (返工). */
const REJECT_SHARE = 0.03;
const REWORK_SHARE = 0.06;
/** Share of cases handled slower than their time limit allows. */
const LATE_SHARE = 0.1;

/**
 * The simulated next step for an event in `status`, and after how long (ms). Demo pace: the
 * whole loop takes minutes to an hour, scaled by urgency, so a fresh wall shows closures soon.
 */
export function nextStep(
  status: EventStatus,
  category: Category,
  severity: Severity,
  random: Random,
): { action: Action; afterMs: number; unit?: string } | null {
  const urgency = severity === 'critical' ? 0.3 : severity === 'urgent' ? 0.6 : 1;
  const minutes = (lo: number, hi: number) => (lo + random() * (hi - lo)) * 60_000 * urgency * (random() < LATE_SHARE ? 8 : 1);
  switch (status) {
    case 'reported':
      return random() < REJECT_SHARE ? { action: 'reject', afterMs: minutes(1, 5) } : { action: 'accept', afterMs: minutes(0.5, 4) };
    case 'accepted': {
      const units = UNITS[category];
      return { action: 'dispatch', afterMs: minutes(1, 6), unit: units[Math.floor(random() * units.length)] };
    }
    case 'dispatched':
      return { action: 'start', afterMs: minutes(2, 10) };
    case 'handling':
      return { action: 'resolve', afterMs: minutes(5, 40) };
    case 'resolved':
      return random() < REWORK_SHARE ? { action: 'rework', afterMs: minutes(2, 10) } : { action: 'close', afterMs: minutes(2, 15) };
    default:
      return null;
  }
}
