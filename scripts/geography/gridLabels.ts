import type { Random } from './seededRandom';

/**
 * What a dedicated grid (专属网格) covers: a business district, a campus, or a work unit's
 * compound. Generic on purpose: the demo places them at random, so they must not read as a claim
 * about where a real school or mall is.
 */
const DEDICATED_PLACES = [
  '万达商圈', '步行街商圈', '农贸市场', '汽车城', '建材市场', '物流园区', '商务楼宇', '酒店集群',
  '第一中学校园', '实验小学校园', '民族中学校园', '职业学院校园', '幼教园区',
  '区直机关大院', '人民医院', '中心医院', '供电公司家属区', '铁路家属区', '煤炭企业大院',
  '税务局家属区', '电信公司大院', '银行家属区', '政务服务中心', '产业园区',
];

/** Chinese names for the grids of one community: "曙光社区第3网格", "曙光社区·万达商圈专属网格". */
export function gridLabeller(communityName: string, rnd: Random) {
  const places = [...DEDICATED_PLACES];
  let comprehensive = 0;
  let dedicated = 0;
  return {
    comprehensive: () => `${communityName}第${++comprehensive}网格`,
    dedicated: () => {
      dedicated++;
      if (places.length === 0) return `${communityName}·第${dedicated}专属网格`;
      const [place] = places.splice(Math.floor(rnd() * places.length), 1);
      return `${communityName}·${place}专属网格`;
    },
  };
}
