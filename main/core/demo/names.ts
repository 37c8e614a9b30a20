/** Small deterministic generator and Chinese name parts, shared by the demo set and the benchmark. */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32: tiny, fast, and the same sequence on every machine
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '梁',
  '郑',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '萧',
  '田',
  '董',
  '潘',
  '袁',
  '蔡',
  '蒋',
  '余',
] as const;
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '子涵',
  '欣怡',
  '浩然',
  '雨桐',
  '俊杰',
  '思远',
  '梓轩',
  '佳怡',
  '志强',
  '海燕',
  '文博',
  '嘉欣',
  '宇航',
  '晨曦',
  '国庆',
  '春梅',
] as const;

export function chineseName(random: () => number): string {
  return pick(random, SURNAMES) + pick(random, GIVEN_NAMES);
}

const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '182',
  '183',
  '187',
  '188',
  '198',
] as const;

/** A valid mainland mobile number in E.164, e.g. +8613912345678. */
export function mobileNumber(random: () => number): string {
  const rest = Array.from({ length: 8 }, () => Math.floor(random() * 10)).join('');
  return `+86${pick(random, MOBILE_PREFIXES)}${rest}`;
}
