import { type Summary, summarize } from './stats';

/**
 * What a figure must stay under: an absolute `max`, or relative to its `floor` measured in the same
 * run (`ratio`: ≤ ratio × floor; `plus`: ≤ floor + plus). Absolute budgets set before the floors were
 * known proved the wrong yardstick on a shared machine; ratios to a same-run floor travel.
 */
export interface Budget {
  max?: number;
  ratio?: number;
  plus?: number;
  label?: string;
}

/** One line of the bench: a figure, how it was spread over runs, and the budget it must stay under. */
export interface Result {
  section: string;
  metric: string;
  /** The figure compared with the budget; null when it could not be measured (see note). */
  value: number | null;
  unit: string;
  /** When the figure comes from repeated runs: value is its median unless `headline` says otherwise. */
  summary?: Summary;
  headline?: 'median' | 'p95';
  /** The same figure for the least possible page or script, measured in the same run and browser. */
  floor?: { value: number | null; label?: string };
  /** Passes when value ≤ the budget's limit. A budget on an unmeasurable figure (or floor) fails. */
  budget?: Budget;
  /** Set when runs were combined (combineRuns): the figure's spread decides between a verdict and "noisy". */
  runs?: { values: (number | null)[]; spread: number | null; ratios?: (number | null)[] };
  note?: string;
}

/** Beyond ±20 % between runs a figure says more about the machine than the code. */
export const NOISE_LIMIT = 0.2;

export interface Verdict {
  result: Result;
  /** null: no budget, or too noisy to judge. */
  pass: boolean | null;
  noisy: boolean;
}

/** The budget's limit in the figure's unit, or null when its floor is missing. */
export function limitOf(result: Result): number | null {
  const { budget, floor } = result;
  if (!budget) return null;
  if (budget.max !== undefined) return budget.max;
  if (floor?.value === null || floor?.value === undefined) return null;
  if (budget.ratio !== undefined) return budget.ratio * floor.value;
  if (budget.plus !== undefined) return floor.value + budget.plus;
  return null;
}

/** value ÷ floor, when both were measured. */
export function ratioOf(result: Result): number | null {
  const floor = result.floor?.value;
  return result.value === null || floor === null || floor === undefined || floor === 0 ? null : result.value / floor;
}

export function verdict(result: Result): Verdict {
  const noisy = result.runs?.spread !== null && result.runs?.spread !== undefined && result.runs.spread > NOISE_LIMIT;
  if (!result.budget) return { result, pass: null, noisy };
  const limit = limitOf(result);
  const pass = result.value !== null && limit !== null && result.value <= limit;
  // A failure to measure is a failure however the runs spread; a measured figure that swings is not judged.
  return { result, pass: noisy && result.value !== null ? null : pass, noisy };
}

const round = (value: number): string => {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toFixed(digits);
};

export function formatValue(result: Result): string {
  if (result.value === null) return 'not available';
  const head = `${result.headline === 'p95' ? 'p95 ' : result.summary ? 'p50 ' : ''}${round(result.value)} ${result.unit}`.trim();
  const s = result.summary;
  if (!s || s.n < 2) return head;
  const p95 = result.headline === 'p95' ? `p50 ${round(s.median)}, ` : '';
  return `${head} (${p95}min ${round(s.min)}, max ${round(s.max)}, n=${s.n})`;
}

export function formatFloor(result: Result): string {
  if (!result.floor) return '';
  return result.floor.value === null ? 'not available' : `${round(result.floor.value)} ${result.unit}`.trim();
}

export function formatRatio(result: Result): string {
  const ratio = ratioOf(result);
  return ratio === null ? '' : `${ratio.toFixed(2)}×`;
}

export function formatBudget(result: Result): string {
  const { budget } = result;
  if (!budget) return '';
  if (budget.label) return budget.label;
  if (budget.max !== undefined) return `≤ ${round(budget.max)} ${result.unit}`.trim();
  if (budget.ratio !== undefined) return `≤ ${budget.ratio} × floor`;
  if (budget.plus !== undefined) return `≤ floor + ${round(budget.plus)} ${result.unit}`.trim();
  return '';
}

function status(v: Verdict): string {
  if (v.noisy && v.pass === null && v.result.budget) return 'noisy';
  return v.pass === true ? 'ok' : v.pass === false ? 'FAIL' : '';
}

const spreadText = (result: Result) => {
  const runs = result.runs;
  if (!runs || runs.values.length < 2) return null;
  const values = runs.values.map((v) => (v === null ? '–' : round(v))).join(', ');
  // A relative budget judges the ratio, so its spread is the ratios' spread.
  const ratios = runs.ratios ? `; ratio to that run's floor ${runs.ratios.map((v) => (v === null ? '–' : `${v.toFixed(2)}×`)).join(', ')}` : '';
  const spread = runs.spread === null ? '' : `±${(runs.spread * 100).toFixed(0)} %`;
  return `${runs.values.length} runs: ${values}${ratios} (${spread}${runs.spread !== null && runs.spread > NOISE_LIMIT ? ', noisy: not judged' : ''})`;
};

/** A plain-text table: section, metric, figure, floor, ratio, budget, ok/FAIL/noisy, then notes underneath. */
export function formatTable(results: readonly Result[]): string {
  const verdicts = results.map(verdict);
  const rows = results.map((r, i) => [r.section, r.metric, formatValue(r), formatFloor(r), formatRatio(r), formatBudget(r), status(verdicts[i]!)]);
  const header = ['Section', 'Metric', 'Result', 'Floor', 'Ratio', 'Budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-')];
  results.forEach((r, i) => {
    out.push(line(rows[i]!));
    const pad = `${' '.repeat(widths[0]!)} |   ↳ `;
    if (r.floor?.label) out.push(`${pad}floor: ${r.floor.label}`);
    const spread = spreadText(r);
    if (spread) out.push(`${pad}${spread}`);
    if (r.note) out.push(`${pad}${r.note}`);
  });
  return out.join('\n');
}

/** Lines naming each budget that failed, with figure and limit. */
export function failures(results: readonly Result[]): string[] {
  return results
    .map(verdict)
    .filter((v) => v.pass === false)
    .map(({ result }) => {
      const floor = result.floor ? `, floor ${formatFloor(result)}` : '';
      return `${result.section} / ${result.metric}: ${formatValue(result)}${floor} (budget ${formatBudget(result)})`;
    });
}

/** Figures whose runs spread beyond ±20 %: reported with their spread instead of a verdict. */
export function noisy(results: readonly Result[]): string[] {
  return results.map(verdict).filter((v) => v.noisy && v.result.budget).map(({ result }) => `${result.section} / ${result.metric}: ${spreadText(result)}`);
}

/** Largest distance of any run from the runs' median, relative to the median (±). */
export function spreadOf(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const { median } = summarize(values);
  if (median === 0) return values.every((v) => v === 0) ? 0 : null;
  return Math.max(...values.map((v) => Math.abs(v - median))) / Math.abs(median);
}

const median = (values: readonly number[]) => (values.length ? summarize(values).median : null);

/**
 * Several runs of the same sections, figure by figure (matched on section + metric): the median
 * value and floor, the spread of the judged figure (the ratio to the floor when the budget is
 * relative: a slow moment slows both), and each run's value. A figure missing from a run counts as
 * not measured in that run.
 */
export function combineRuns(runs: readonly (readonly Result[])[]): Result[] {
  if (runs.length === 1) return [...runs[0]!];
  const keyOf = (r: Result) => `${r.section}\u0000${r.metric}`;
  const order: string[] = [];
  const byKey = new Map<string, (Result | undefined)[]>();
  runs.forEach((run, i) => {
    for (const result of run) {
      const key = keyOf(result);
      if (!byKey.has(key)) {
        order.push(key);
        byKey.set(key, Array.from({ length: runs.length }, () => undefined));
      }
      byKey.get(key)![i] = result;
    }
  });
  return order.map((key) => {
    const each = byKey.get(key)!;
    const first = each.find((r) => r !== undefined)!;
    const values = each.map((r) => r?.value ?? null);
    const measured = values.filter((v): v is number => v !== null);
    const floors = each.map((r) => r?.floor?.value ?? null).filter((v): v is number => v !== null);
    const relative = first.budget && first.budget.max === undefined;
    const ratioRuns = each.map((r) => (r ? ratioOf(r) : null));
    const ratios = ratioRuns.filter((v): v is number => v !== null);
    const judged = relative ? ratios : measured;
    const missing = measured.length < runs.length;
    const combined: Result = {
      ...first,
      value: missing ? null : median(measured),
      summary: measured.length > 1 ? summarize(measured) : first.summary,
      headline: first.headline,
      runs: { values, spread: missing ? null : spreadOf(judged), ...(relative ? { ratios: ratioRuns } : {}) },
      note: [first.note, missing ? `not measured in ${runs.length - measured.length} of ${runs.length} runs` : undefined].filter(Boolean).join('; ') || undefined,
    };
    if (first.floor) {
      // The floor from the same run as each value: its ratio is the median of per-run ratios.
      const ratio = median(ratios);
      const floor = median(floors);
      combined.floor = { ...first.floor, value: ratio !== null && combined.value !== null ? combined.value / ratio : floor };
    }
    return combined;
  });
}
