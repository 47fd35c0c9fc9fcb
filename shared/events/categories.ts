/**
 * Social-governance event categories used by grid platforms (DOMAIN.md: 矛盾纠纷, 治安·安全隐患,
 * 民生服务 …), with the city-management classes beside them. `code` is what travels on the wire.
 */
export const CATEGORIES = [
  { code: 'dispute', zh: '矛盾纠纷', en: 'Neighbour dispute' },
  { code: 'safety_hazard', zh: '安全隐患', en: 'Safety hazard' },
  { code: 'sanitation', zh: '环境卫生', en: 'Sanitation' },
  { code: 'public_order', zh: '社会治安', en: 'Public order' },
  { code: 'urban_management', zh: '城市管理', en: 'Urban management' },
  { code: 'facility_damage', zh: '设施损坏', en: 'Damaged facility' },
  { code: 'livelihood', zh: '民生诉求', en: 'Livelihood request' },
  { code: 'special_care', zh: '特殊人群关爱', en: 'People needing care' },
  { code: 'psych_crisis', zh: '心理危机', en: 'Psychological crisis' },
] as const;
export type Category = (typeof CATEGORIES)[number]['code'];
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as unknown as readonly [Category, ...Category[]];

/** Urgency tiers 一般 / 紧急 / 非常紧急, lowest first. */
export const SEVERITIES = ['normal', 'urgent', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
  critical: { zh: '非常紧急', en: 'Critical' },
};
/** Severities that raise an alert on the wall without waiting for the tick. */
export function isHighSeverity(s: Severity): boolean {
  return s === 'critical';
}

/** Who found it: grid worker on patrol, the 12345 hotline, a resident, a sensor, a courier/rider. */
export const SOURCES = [
  { code: 'grid_worker', zh: '网格员巡查', en: 'Grid worker' },
  { code: 'hotline', zh: '12345热线', en: '12345 hotline' },
  { code: 'resident', zh: '居民上报', en: 'Resident' },
  { code: 'sensor', zh: '物联感知', en: 'Sensor' },
  { code: 'courier', zh: '快递骑手', en: 'Courier / rider' },
] as const;
export type Source = (typeof SOURCES)[number]['code'];
export const SOURCE_CODES = SOURCES.map((s) => s.code) as unknown as readonly [Source, ...Source[]];
