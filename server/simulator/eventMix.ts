import type { Category, Severity, Source } from '../../shared/events/categories';

/**
 * The simulated mix. Shares are this simulator's assumption, shaped by DOMAIN.md and the seed
 * articles: grid workers find most items on patrol (Xinyuan: 130+ found by grid workers),
 * couriers a few (Liupanshui: 300+ riders, 180+ items a year); sanitation and urban management
 * are the everyday bulk, psychological crises rare.
 */
export const CATEGORY_MIX: Record<Category, number> = {
  sanitation: 22,
  urban_management: 20,
  dispute: 14,
  safety_hazard: 12,
  facility_damage: 12,
  public_order: 8,
  livelihood: 8,
  special_care: 3,
  psych_crisis: 1,
};

export const SOURCE_MIX: Record<Source, number> = {
  grid_worker: 55,
  hotline: 20,
  resident: 12,
  sensor: 8,
  courier: 5,
};

export const SEVERITY_MIX: Record<Severity, number> = { normal: 85, urgent: 12, critical: 3 };

/** Relative report rate by local hour (0–23): quiet nights, patrol peaks mid-morning and mid-afternoon. */
export const HOURLY_RHYTHM: readonly number[] = [
  0.12, 0.08, 0.06, 0.05, 0.06, 0.1, 0.25, 0.5, 0.8, 1.0, 1.0, 0.9,
  0.7, 0.75, 0.9, 1.0, 0.95, 0.8, 0.65, 0.55, 0.45, 0.35, 0.25, 0.18,
];

/** Description templates by category; `{n}` is a building, `{u}` an entrance, `{r}` a road. */
export const DESCRIPTIONS: Record<Category, readonly string[]> = {
  dispute: ['{n}号楼{u}单元楼上漏水引发邻里纠纷', '{n}号楼住户因停车位发生争执', '小区物业费纠纷，居民要求协调', '{n}号楼装修噪音扰民引发矛盾'],
  safety_hazard: ['{n}号楼{u}单元楼道堆放杂物堵塞消防通道', '{n}号楼外墙瓷砖松动有脱落风险', '电动车在{n}号楼楼道内充电', '{r}施工围挡倾斜存在安全隐患'],
  sanitation: ['{n}号楼旁垃圾桶满溢未清运', '{r}路边暴露垃圾', '小区绿化带内建筑垃圾乱堆', '{n}号楼下水道堵塞污水外溢'],
  public_order: ['{r}夜间有人聚集饮酒喧哗', '小区内发现可疑人员徘徊', '{n}号楼附近电动车被盗', '{r}商铺门前发生口角'],
  urban_management: ['{r}占道经营', '{r}机动车违章停放堵塞通道', '{r}流动摊贩聚集', '{n}号楼旁私搭乱建'],
  facility_damage: ['{r}路灯不亮', '{n}号楼{u}单元单元门门禁损坏', '{r}井盖缺失', '小区健身器材损坏'],
  livelihood: ['{n}号楼{u}单元暖气不热', '{n}号楼居民反映停水', '居民咨询医保办理', '{n}号楼电梯频繁故障'],
  special_care: ['{n}号楼独居老人多日未出门，需上门探视', '残疾人家庭申请临时救助', '留守儿童需要关爱帮扶'],
  psych_crisis: ['{n}号楼居民情绪激动，需心理疏导', '居民家中发生家庭矛盾，情绪失控'],
};

export const ROADS: readonly string[] = ['鄂尔多斯大街', '天骄路', '伊金霍洛街', '林荫路', '宝日陶亥街', '达拉特路', '准格尔路', '吉劳庆街', '铁西路', '杭锦路'];
