import type { ActivityType } from '../../../shared/volunteers/activityTypes';
import type { ServiceCategory } from '../../../shared/serviceCards/serviceCategories';

/**
 * The simulated volunteer and service-card streams: every rate and proportion, and where it
 * came from. "Figure" means a number from the seed articles (../shared/seeds/); "assumption"
 * means this simulator's own choice where the articles give none. The proportions test
 * (activityScenario.test.ts) holds a simulated week to these.
 */

// ── Volunteer teams ─────────────────────────────────────────────────────────────────────────

/** Figure — Liupanshui: "组建志愿服务队80余支" across the old communities' 152 社区: ≈ 0.53 teams a community. */
export const TEAMS_PER_COMMUNITY = 80 / 152;

/** Assumption: share of teams attached to one grid (a building's own team) rather than the community. */
export const GRID_TEAM_SHARE = 0.3;

/**
 * Assumption: registered volunteers per team, inclusive range. It must comfortably exceed the
 * ~15 taking part in an activity (below); Liupanshui's 220,000+ registered community
 * volunteers (注册社区志愿者22万余人) are city-wide, far more than its teams' members.
 */
export const TEAM_SIZE: readonly [number, number] = [20, 40];

// ── Activities ──────────────────────────────────────────────────────────────────────────────

/** Figure — Liupanshui: "开展志愿服务活动2300余场次" by its 80+ teams: 28.75 activities a team a year. */
export const ACTIVITIES_PER_TEAM_PER_YEAR = 2300 / 80;

/**
 * Figure — Yuyang 2020: "双报到单位参与共驻共建活动达1009次，在职党员参与社区服务活动15158人次":
 * ≈ 15.0 volunteers taking part in an activity.
 */
export const PARTICIPANTS_PER_ACTIVITY = 15158 / 1009;

/** Figure — Liupanshui: "服务居民12.8万余人次" in 2,300+ activities: ≈ 55.7 resident-visits an activity. */
export const RESIDENT_VISITS_PER_ACTIVITY = 128_000 / 2300;

/**
 * Shares of activity types (sum 100). Figure — Liupanshui: "为老服务、未成年人关爱活动480余场次"
 * against 2,300+ activities: elderly and child care ≈ 21 % (split 12 + 9, assumption). The "five
 * joint" activities (五联) are the teams' routine ("常态化开展"): 62 % between them
 * (assumption), the rest meal assistance, counselling and convenience services (assumption).
 */
export const ACTIVITY_TYPE_MIX: Record<ActivityType, number> = {
  security_patrol: 16,
  dispute_screening: 10,
  policy_outreach: 12,
  sanitation: 14,
  civility: 10,
  elderly_care: 12,
  child_care: 9,
  meal_assistance: 7,
  counselling: 3,
  convenience: 7,
};

/**
 * Assumption: relative resident-visits by type (outreach and civility reach many people,
 * counselling few); scaled by VISITS_SCALE so the mix's mean is the Liupanshui figure.
 */
const RELATIVE_VISITS: Record<ActivityType, number> = {
  security_patrol: 30,
  dispute_screening: 25,
  policy_outreach: 120,
  sanitation: 40,
  civility: 70,
  elderly_care: 45,
  child_care: 35,
  meal_assistance: 60,
  counselling: 8,
  convenience: 80,
};
const mixMean = (Object.keys(ACTIVITY_TYPE_MIX) as ActivityType[]).reduce((s, t) => s + ACTIVITY_TYPE_MIX[t] * RELATIVE_VISITS[t], 0) / 100;
/** Mean resident-visits of an activity, by type: the mix-weighted mean is RESIDENT_VISITS_PER_ACTIVITY. */
export const VISITS_MEAN: Record<ActivityType, number> = Object.fromEntries(
  (Object.keys(RELATIVE_VISITS) as ActivityType[]).map((t) => [t, (RELATIVE_VISITS[t] * RESIDENT_VISITS_PER_ACTIVITY) / mixMean]),
) as Record<ActivityType, number>;

/** Assumption: an activity lasts 1.5–3 hours (a patrol, a lecture, a clean-up morning). */
export const ACTIVITY_MINUTES: readonly [number, number] = [90, 180];

/** Assumption: an activity is created (planned) 30–120 minutes before it starts. */
export const PLANNED_AHEAD_MINUTES: readonly [number, number] = [30, 120];

/** Assumption: volunteers check in from 10 minutes before to 15 after the start. */
export const CHECK_IN_WINDOW_MINUTES: readonly [number, number] = [-10, 15];

/** Assumption: share of volunteers who forget to check out (the activity's end checks them out). */
export const FORGET_CHECK_OUT_SHARE = 0.15;

/** Assumption: share of planned activities cancelled (weather, clashes) before they start. */
export const CANCEL_SHARE = 0.03;

/**
 * Assumption: relative activity starts by local hour (0–23): mornings and afternoons, an
 * evening patrol peak (治安巡逻), nothing at night. Normalised to a mean of 1 below.
 */
const ACTIVITY_HOURS_RAW: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 0.2, 1.0, 1.6, 1.4, 0.6, 0.2, 0.4, 1.3, 1.4, 1.0, 0.5, 0.6, 0.8, 0.3, 0, 0, 0];
export const ACTIVITY_HOURLY: readonly number[] = normalise(ACTIVITY_HOURS_RAW);

/** Assumption: weekends carry more activities than weekdays (Monday first); mean 1. */
export const ACTIVITY_WEEKDAY: readonly number[] = normalise([0.9, 0.9, 0.9, 0.9, 0.9, 1.25, 1.25]);

// ── Service-card orders ─────────────────────────────────────────────────────────────────────

/**
 * Orders a community a day, at scale 1. Figure — Jianshe street (Dongsheng): psychological
 * services since 2021 of 178 consultations + 135 one-to-one sessions + 118 crisis interventions
 * = 431 across its 8 communities; over an assumed two years that is ≈ 27 a community a year.
 * With psychological services 8 % of the card's orders (assumption, CATEGORY_MIX), ≈ 337 orders a
 * community a year. (Yuyang's 400+ needs met by co-building units in 2020 across 85 communities is
 * a floor far below: the card makes ordering easy.)
 */
export const ORDERS_PER_COMMUNITY_PER_DAY = (431 / 8 / 2 / 0.08) / 365;

/** Assumption: shares of the nine kinds (sum 100); daily needs (meals, elderly care, health, repairs) dominate. */
export const CATEGORY_MIX: Record<ServiceCategory, number> = {
  meal: 20,
  elderly_care: 14,
  health: 14,
  household_repair: 12,
  legal: 10,
  child_care: 9,
  employment: 8,
  psychological: 8,
  notarial: 5,
};

/**
 * Figure — Liupanshui: "收集群众意见建议550余条，协调解决实际问题460余个": ≈ 84 % of what residents
 * raise is resolved. The rest: cancelled before dispatch (10 %) or after a dispatch no unit could
 * take (6 %) — the split is an assumption.
 */
export const DONE_SHARE = 460 / 550;
export const CANCEL_BEFORE_DISPATCH_SHARE = 0.1;
export const CANCEL_AFTER_DISPATCH_SHARE = 1 - DONE_SHARE - CANCEL_BEFORE_DISPATCH_SHARE;

/** Assumption: share of dispatches a partner unit declines (back to the community, dispatched elsewhere). */
export const DECLINE_SHARE = 0.06;

/** Assumption: minutes from one stage to the next. */
export const DISPATCH_MINUTES: readonly [number, number] = [10, 120];
export const ACCEPT_MINUTES: readonly [number, number] = [15, 240];
export const SERVICE_MINUTES: Record<ServiceCategory, readonly [number, number]> = {
  meal: [20, 90],
  elderly_care: [60, 240],
  health: [30, 180],
  household_repair: [60, 360],
  legal: [60, 1440],
  child_care: [60, 240],
  employment: [120, 2880],
  psychological: [60, 180],
  notarial: [240, 2880],
};
export const RATE_AFTER_MINUTES: readonly [number, number] = [10, 1440];

/** Assumption: share of done orders the resident rates. */
export const RATED_SHARE = 0.65;

/**
 * Assumption: ratings (1–5 stars) — the articles report satisfaction rising ("群众满意度不断提升")
 * without a number; mean 4.62.
 */
export const RATING_MIX: Record<'1' | '2' | '3' | '4' | '5', number> = { '1': 0.5, '2': 1.5, '3': 6, '4': 20, '5': 72 };

/** Assumption: relative orders by local hour: residents order from 7:00 to 22:00, peaks mid-morning, mid-afternoon and evening. */
export const ORDER_HOURLY: readonly number[] = normalise([0, 0, 0, 0, 0, 0, 0, 0.4, 0.9, 1.4, 1.5, 1.0, 0.6, 0.8, 1.3, 1.4, 1.1, 0.9, 0.8, 1.2, 1.3, 0.9, 0.4, 0]);

/** Partner units (共建单位) by kind of service: illustrative names of the kinds of unit the articles list. */
export const PARTNER_UNITS: Record<ServiceCategory, readonly string[]> = {
  legal: ['街道司法所', '社区法律顾问律师事务所', '公共法律服务工作站'],
  employment: ['街道劳动就业保障所', '人力资源服务中心'],
  psychological: ['社会心理服务站', '专业心理咨询机构'],
  notarial: ['公证处便民服务点'],
  meal: ['社区老年食堂', '爱心餐饮企业'],
  health: ['社区卫生服务中心', '医院义诊志愿队'],
  elderly_care: ['居家养老服务中心', '社工服务站'],
  child_care: ['儿童之家', '普惠托育机构'],
  household_repair: ['物业服务中心', '便民维修志愿队'],
};

/** What residents ask, by kind; illustrative. */
export const ORDER_TEXTS: Record<ServiceCategory, readonly string[]> = {
  legal: ['咨询房屋租赁合同纠纷', '咨询赡养费问题', '邻里纠纷需要法律意见'],
  employment: ['失业人员咨询再就业培训', '高校毕业生求职登记', '灵活就业社保咨询'],
  psychological: ['家中老人情绪低落需要疏导', '孩子学习压力大，家长求助', '失业后焦虑失眠'],
  notarial: ['办理委托书公证', '办理继承公证咨询'],
  meal: ['独居老人申请助餐送餐', '高龄老人午餐配送', '失能老人助餐'],
  health: ['上门测量血压血糖', '慢病随访', '行动不便老人需上门问诊'],
  elderly_care: ['空巢老人上门探访', '助浴服务', '陪同就医'],
  child_care: ['双职工家庭课后托管', '留守儿童陪伴', '暑期托管咨询'],
  household_repair: ['水龙头漏水维修', '家用电器维修', '门锁损坏维修'],
};

/** Activity titles by type; illustrative. */
export const ACTIVITY_TITLES: Record<ActivityType, readonly string[]> = {
  security_patrol: ['红袖标治安巡逻', '夜间平安巡逻', '重点时段治安联防'],
  dispute_screening: ['矛盾纠纷入户排查', '楼栋矛盾纠纷联排'],
  policy_outreach: ['政策法规进小区宣讲', '防范电信诈骗宣传', '民法典宣传'],
  sanitation: ['小区环境卫生整治', '清理楼道杂物', '垃圾分类督导'],
  civility: ['文明劝导', '文明楼栋评选', '移风易俗宣传'],
  elderly_care: ['为空巢老人送温暖', '为老人理发', '陪伴高龄老人'],
  child_care: ['童趣驿站课后辅导', '留守儿童关爱', '亲子阅读'],
  meal_assistance: ['老年助餐送餐', '爱心午餐'],
  counselling: ['养心驿站心理疏导', '一对一情绪疏导'],
  convenience: ['义诊义剪进社区', '便民维修服务', '家电义修'],
};

/** Surnames for simulated volunteers' names (a name and a form of address, as teams call each other). */
export const SURNAMES: readonly string[] = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '朱', '郭', '何', '高', '林', '罗'];
export const ADDRESS_FORMS: readonly string[] = ['阿姨', '师傅', '大姐', '大哥', '老师', '同学'];

function normalise(xs: readonly number[]): number[] {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.map((x) => x / mean);
}
