import type { Random } from '../../shared/random/seededRandom';
import type { DedicatedType } from '../../shared/geo/region';

/**
 * What a dedicated grid (专属网格) covers: a business district, a campus, or a work unit's
 * compound. Generic on purpose: the demo places them at random, so they must not read as a claim
 * about where a real school or mall is.
 */
const DEDICATED_PLACES: readonly [string, DedicatedType][] = [
  ['万达商圈', 'business_district'], ['步行街商圈', 'business_district'], ['农贸市场', 'business_district'],
  ['汽车城', 'business_district'], ['建材市场', 'business_district'], ['物流园区', 'business_district'],
  ['商务楼宇', 'business_district'], ['酒店集群', 'business_district'],
  ['第一中学校园', 'campus'], ['实验小学校园', 'campus'], ['民族中学校园', 'campus'], ['职业学院校园', 'campus'], ['幼教园区', 'campus'],
  ['区直机关大院', 'work_unit'], ['人民医院', 'hospital'], ['中心医院', 'hospital'], ['供电公司家属区', 'work_unit'],
  ['铁路家属区', 'work_unit'], ['煤炭企业大院', 'work_unit'], ['税务局家属区', 'work_unit'], ['电信公司大院', 'work_unit'],
  ['银行家属区', 'work_unit'], ['政务服务中心', 'work_unit'], ['产业园区', 'business_district'],
];

/** Chinese names for the grids of one community: "曙光社区第3网格", "曙光社区·万达商圈专属网格". */
export function gridLabeller(communityName: string, rnd: Random) {
  const places = [...DEDICATED_PLACES];
  let comprehensive = 0;
  let dedicated = 0;
  return {
    comprehensive: () => `${communityName}第${++comprehensive}网格`,
    dedicated: (): { name: string; dedicatedType?: DedicatedType } => {
      dedicated++;
      if (places.length === 0) return { name: `${communityName}·第${dedicated}专属网格` };
      const [[place, dedicatedType]] = places.splice(Math.floor(rnd() * places.length), 1);
      return { name: `${communityName}·${place}专属网格`, dedicatedType };
    },
  };
}
