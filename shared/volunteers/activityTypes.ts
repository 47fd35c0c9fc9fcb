/**
 * Kinds of volunteer activity (志愿服务活动). The first five are Liupanshui's "five joint"
 * activities (五联: 社会治安联防、矛盾纠纷联排、政策法规联宣、环境卫生联治、文明风尚联树), run by its
 * 80+ teams in old communities; the rest are the services the seed articles name beside them:
 * elderly care and child care (Liupanshui: 为老服务、未成年人关爱活动 480+), meal assistance
 * (Xinyuan's 老有颐养 助餐 project), counselling (Jianshe street's 心理疏导 and 心理特色志愿服务),
 * and convenience services (Taihe: 义诊、义剪; Yuyang: 理发、缝补、钉鞋、维修电器 at the door).
 * `code` is what travels on the wire.
 */
export const ACTIVITY_TYPES = [
  { code: 'security_patrol', zh: '治安联防', en: 'Joint security patrol' },
  { code: 'dispute_screening', zh: '矛盾纠纷联排', en: 'Joint dispute screening' },
  { code: 'policy_outreach', zh: '政策法规联宣', en: 'Joint policy outreach' },
  { code: 'sanitation', zh: '环境卫生联治', en: 'Joint sanitation' },
  { code: 'civility', zh: '文明风尚联树', en: 'Joint civility' },
  { code: 'elderly_care', zh: '为老服务', en: 'Elderly care' },
  { code: 'child_care', zh: '儿童关爱', en: 'Child care' },
  { code: 'meal_assistance', zh: '助餐', en: 'Meal assistance' },
  { code: 'counselling', zh: '心理疏导', en: 'Counselling' },
  { code: 'convenience', zh: '便民服务', en: 'Convenience services' },
] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number]['code'];
export const ACTIVITY_TYPE_CODES = ACTIVITY_TYPES.map((t) => t.code) as unknown as readonly [ActivityType, ...ActivityType[]];

/** The five joint activities (五联), for panels that group them. */
export const FIVE_JOINT: readonly ActivityType[] = ['security_patrol', 'dispute_screening', 'policy_outreach', 'sanitation', 'civility'];
