import type { Category } from '../../shared/events/categories';

/** A department or unit a case can be dispatched to: its name as sent (Chinese) and an English gloss. */
export interface UnitSuggestion {
  name: string;
  en: string;
}

const U = {
  community: { name: '社区居委会', en: 'Community residents\u2019 committee' },
  serviceStation: { name: '社区服务站', en: 'Community service station' },
  mediation: { name: '人民调解委员会', en: 'People\u2019s mediation committee' },
  justice: { name: '司法所', en: 'Judicial office' },
  police: { name: '派出所', en: 'Police station' },
  governance: { name: '综治中心', en: 'Comprehensive governance centre' },
  emergency: { name: '应急管理办', en: 'Emergency management office' },
  fire: { name: '消防救援站', en: 'Fire and rescue station' },
  sanitation: { name: '环卫所', en: 'Sanitation office' },
  property: { name: '物业服务企业', en: 'Property management company' },
  cityMgmt: { name: '城管执法中队', en: 'Urban management enforcement team' },
  municipal: { name: '市政设施管理所', en: 'Municipal facilities office' },
  power: { name: '供电所', en: 'Power supply office' },
  civil: { name: '民政办', en: 'Civil affairs office' },
  health: { name: '社区卫生服务站', en: 'Community health station' },
  disabled: { name: '残联', en: 'Disabled persons\u2019 federation' },
  psych: { name: '社会心理服务站', en: 'Psychological service station' },
  mentalHealth: { name: '精神卫生中心', en: 'Mental health centre' },
} as const satisfies Record<string, UnitSuggestion>;

/**
 * Units a street's command centre usually dispatches each category to (local practice, editable
 * freely: the unit is free text, these are only suggestions), most likely first.
 */
const BY_CATEGORY: Record<Category, readonly UnitSuggestion[]> = {
  dispute: [U.mediation, U.justice, U.community, U.police],
  safety_hazard: [U.emergency, U.fire, U.property, U.community],
  sanitation: [U.sanitation, U.property, U.community],
  public_order: [U.police, U.governance, U.community],
  urban_management: [U.cityMgmt, U.municipal, U.community],
  facility_damage: [U.municipal, U.power, U.property],
  livelihood: [U.serviceStation, U.civil, U.community],
  special_care: [U.civil, U.health, U.disabled, U.serviceStation],
  psych_crisis: [U.psych, U.mentalHealth, U.police, U.health],
};

/** Suggestions for a case of `category` (all known units, its own first, for an unknown one). */
export function unitSuggestions(category: string | null | undefined): readonly UnitSuggestion[] {
  const own = category ? BY_CATEGORY[category as Category] : undefined;
  if (own) return own;
  return Object.values(U);
}
