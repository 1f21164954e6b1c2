/**
 * Seeded randomness and fictional parties for every line's demo records: names in the anonymised style of published
 * cases (张某某), and identity numbers / credit codes that pass their check characters, so the demo goes through
 * the same validation as real intake. The same seed gives the same demo district on every machine.
 */
import { creditCodeCheckChar, residentIdCheckChar } from '../identifiers/identifiers.ts';

export type Rng = () => number;

/** mulberry32: a small seeded generator. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** Picks a key by weight. */
export function weighted<K extends string>(rng: Rng, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let r = rng() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) {
    r -= w;
    if (r < 0) return k;
  }
  return entries.at(-1)![0];
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤'.split(
    '',
  );
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国海燕'.split('');
const TRADES = ['贸易', '建材', '机械', '餐饮', '物流', '电子科技', '化工', '塑料制品', '装饰工程', '食品'];
const TOWNS = ['招宝山', '蛟川', '骆驼', '庄市', '贵驷', '澥浦', '九龙湖'];

/** A party as published cases name them: 张某 or 张某某. */
export const personName = (rng: Rng) => `${pick(rng, SURNAMES)}某${rng() < 0.5 ? '某' : ''}`;
/** A full name, for people who act in office (mediators, staff). */
export const fullName = (rng: Rng) =>
  `${pick(rng, SURNAMES)}${pick(rng, GIVEN)}${rng() < 0.5 ? pick(rng, GIVEN) : ''}`;

export function residentId(rng: Rng, region = '330211'): string {
  const y = between(rng, 1950, 2002);
  const m = String(between(rng, 1, 12)).padStart(2, '0');
  const d = String(between(rng, 1, 28)).padStart(2, '0');
  const seq = String(between(rng, 0, 999)).padStart(3, '0');
  const body = `${region}${y}${m}${d}${seq}`;
  return body + residentIdCheckChar(body);
}

export function company(rng: Rng): { name: string; creditCode: string } {
  const name = `宁波${pick(rng, TOWNS)}${pick(rng, SURNAMES)}${pick(rng, SURNAMES)}${pick(rng, TRADES)}有限公司`;
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91330211';
  for (let i = 0; i < 9; i++) body += chars[between(rng, 0, i < 8 ? 30 : 9)];
  return { name, creditCode: body + creditCodeCheckChar(body) };
}

export const mobile = (rng: Rng) =>
  `1${pick(rng, ['3', '5', '7', '8', '9'])}${String(between(rng, 0, 999_999_999)).padStart(9, '0')}`;
