/**
 * The nine kinds of service on Tianjiao street's service card (特色服务卡, Dongsheng). The
 * article names five — 法律、就业、心理、公证、助餐 "等9类" — and not the other four; those are
 * taken from the services the other seed articles bring to residents' doors:
 * - health: Xinyuan's 医疗、卫生 services 送到群众"家门口", Taihe's 义诊 (free clinics);
 * - elderly care: Xinyuan's 老有颐养 project, Taihe's 失能老人护理, Liupanshui's 社区养老;
 * - child care: Liupanshui's 普惠托育 and 儿童之家, Xinyuan's 童趣驿站, Taihe's 留守学生管护;
 * - household repairs: Yuyang's 理发、缝补、钉鞋、维修电器 at the door.
 * `code` is what travels on the wire.
 */
export const SERVICE_CATEGORIES = [
  { code: 'legal', zh: '法律服务', en: 'Legal advice', named: true },
  { code: 'employment', zh: '就业服务', en: 'Employment', named: true },
  { code: 'psychological', zh: '心理服务', en: 'Psychological support', named: true },
  { code: 'notarial', zh: '公证服务', en: 'Notarial services', named: true },
  { code: 'meal', zh: '助餐服务', en: 'Meal assistance', named: true },
  { code: 'health', zh: '健康医疗', en: 'Health care', named: false },
  { code: 'elderly_care', zh: '养老照护', en: 'Elderly care', named: false },
  { code: 'child_care', zh: '托育关爱', en: 'Child care', named: false },
  { code: 'household_repair', zh: '便民维修', en: 'Household repairs', named: false },
] as const;

export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]['code'];
export const SERVICE_CATEGORY_CODES = SERVICE_CATEGORIES.map((c) => c.code) as unknown as readonly [ServiceCategory, ...ServiceCategory[]];
