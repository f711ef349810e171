import { performance } from 'node:perf_hooks';
import { fold } from '../../lib/suggest/analyze';
import { evaluate, type Quality } from '../../lib/suggest/evaluate';
import { LABELLED_INCIDENTS } from '../../lib/suggest/fixtures-incidents';
import { HELD_OUT, TUNING } from '../../lib/suggest/labelled-set';
import { indexIncidents, type RankableIncident } from '../../lib/suggest/rank';
import { messageText } from '../lib/ticket-page';
import type { Result } from '../lib/report';
import { summarize } from '../lib/stats';

/**
 * Suggestion quality on the labelled set (lib/suggest/labelled-set.ts) and the ranking's cost on
 * the 2,000-message ticket. Ranking runs in the background (see lib/background/suggestions.ts), so
 * its time is the service worker's, once per ticket opened or changed; the content script only
 * sends the text. Pure Node: the same code the worker runs, without a browser.
 */
const SECTION = 'Suggestions';
const REPS = 15;
const MESSAGES = 2000;

const pct = (n: number) => Math.round(n * 1000) / 10;

function qualityRows(label: string, q: Quality, budgets: boolean): Result[] {
  return [
    {
      section: SECTION, metric: `${label}: related tickets whose top suggestion is not their incident`, value: pct(1 - q.top1), unit: '%',
      ...(budgets ? { budget: { max: 10, label: '≤ 10 % (top-1 ≥ 90 %)' } } : {}),
      note: `top-1 ${q.top1Correct}/${q.related} = ${pct(q.top1)} %`,
    },
    {
      section: SECTION, metric: `${label}: unrelated tickets given any suggestion`, value: pct(q.falseRate), unit: '%',
      ...(budgets ? { budget: { max: 5 } } : {}),
      note: `${q.falseSuggestions}/${q.unrelated}`,
    },
  ];
}

function once(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function timeMs(fn: () => void): number[] {
  fn(); // warm-up: JIT and the stemmer's tables
  return Array.from({ length: REPS }, () => once(fn));
}

/** Interleaved with the floor, rep by rep, so both see the same moment of a shared machine's load. */
function timeWithFloor(fn: () => void, floor: () => void): { ms: number[]; floorMs: number[]; ratios: number[] } {
  fn();
  floor();
  const ms: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < REPS; i++) {
    floorMs.push(once(floor));
    ms.push(once(fn));
  }
  return { ms, floorMs, ratios: ms.map((m, i) => m / floorMs[i]!) };
}

/** 1,000 open incidents: the labelled ones plus generated neighbours, for the index build at scale. */
function manyIncidents(): RankableIncident[] {
  return Array.from({ length: 1000 }, (_, i) => {
    const base = LABELLED_INCIDENTS[i % LABELLED_INCIDENTS.length]!;
    return { ...base, id: `${base.id}-${i}`, reference: `INC-${1000 + i}`, name: `${base.name} (cell ${i})` };
  });
}

export async function benchSuggestQuality(): Promise<Result[]> {
  const results: Result[] = [
    ...qualityRows('whole labelled set', evaluate([...TUNING, ...HELD_OUT]), true),
    // Held out: written after tuning; 5 unrelated tickets make one false suggestion 20 %.
    ...qualityRows('held-out part', evaluate(HELD_OUT), false),
  ];

  // The customer's side of the generated 2,000-message ticket (every other message), form-feed separated.
  const text = Array.from({ length: MESSAGES }, (_, i) => i + 1).filter((n) => n % 2 === 1).map(messageText).join('\f');
  const ticket = { subject: 'Checkout fails after the card step', text };
  const index = indexIncidents(LABELLED_INCIDENTS);
  // Floor: the least any ranking must do with that text, folding it and splitting it into words.
  const floorFn = () => fold(text).match(/[\p{L}\p{N}]+/gu);
  const timed = timeWithFloor(() => index.rank(ticket), floorFn);
  const rank = summarize(timed.ms);
  const floor = summarize(timed.floorMs);
  results.push({
    section: SECTION, metric: `ranking a ${MESSAGES.toLocaleString('en')}-message ticket (${text.length.toLocaleString('en')} chars) in the background`,
    value: rank.median, unit: 'ms', summary: rank,
  }, {
    section: SECTION, metric: 'floor: folding the same text and splitting it into words', value: floor.median, unit: 'ms', summary: floor,
  }, {
    // Wall-clock times swing on a shared machine; the ratio to the floor measured alongside is steadier.
    section: SECTION, metric: 'ranking that ticket ÷ floor', value: summarize(timed.ratios).median, unit: '×', budget: { max: 4 },
  });
  const many = manyIncidents();
  const build = summarize(timeMs(() => indexIncidents(many)));
  results.push({
    section: SECTION, metric: 'index of 1,000 open incidents (once per changed list)', value: build.median, unit: 'ms', summary: build,
  });
  const manyIndex = indexIncidents(many);
  const timedMany = timeWithFloor(() => manyIndex.rank(ticket), floorFn);
  const rankMany = summarize(timedMany.ms);
  results.push({
    section: SECTION, metric: `ranking the ${MESSAGES.toLocaleString('en')}-message ticket against 1,000 incidents`, value: rankMany.median, unit: 'ms',
    summary: rankMany,
  }, {
    section: SECTION, metric: 'ranking against 1,000 incidents ÷ floor', value: summarize(timedMany.ratios).median, unit: '×', budget: { max: 6 },
  });
  return results;
}
