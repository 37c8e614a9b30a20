import { seededRandom } from '../../../main/core/demo/names';
import type { Measure } from '../measure';
import { callCore } from './call-core';

/** Terms that occur in the synthetic notes (test/bench/synthetic/text.ts), by length in characters. */
const TERMS: Record<2 | 3 | 6, readonly string[]> = {
  2: ['光猫', '漫游', '网速', '积分', '副卡', '发票'],
  3: ['电饭煲', '路由器', '机顶盒', '营业厅', '地下车'],
  6: ['宽带每天掉线', '营业厅工作人', '积分突然被清', '机顶盒开机后', '换新手机后无'],
};

/** Ctrl+K search over customers, cases and 1M notes: what the agent waits for after typing a Chinese term. */
function searchMeasure(length: 2 | 3 | 6): Measure {
  return {
    name: `search-${length}`,
    title: `search.global, ${length}-character Chinese terms`,
    target: { stat: 'p95', maxMs: 50, scope: 'over 1M notes' },
    async run(ctx) {
      const random = seededRandom(ctx.seed + length);
      const terms = TERMS[length];
      const draw = () => terms[Math.floor(random() * terms.length)]!;
      for (let i = 0; i < Math.min(ctx.warmup, 50); i++) await callCore(ctx, 'search.global', { q: draw() });
      const samplesMs: number[] = [];
      let hits = 0;
      const n = Math.min(ctx.iterations, 500);
      for (let i = 0; i < n; i++) {
        const q = draw();
        const start = performance.now();
        const results = await callCore(ctx, 'search.global', { q });
        samplesMs.push(performance.now() - start);
        hits += results.notes.length;
      }
      return { samplesMs, details: { meanNoteHits: Math.round((hits / n) * 10) / 10, terms: terms.join(' ') } };
    },
  };
}

export const search2 = searchMeasure(2);
export const search3 = searchMeasure(3);
export const search6 = searchMeasure(6);
