import type { Summary } from './stats';

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
  /** Passes when value ≤ max. A budget on an unmeasurable figure fails. */
  budget?: { max: number; label?: string };
  note?: string;
}

export interface Verdict {
  result: Result;
  pass: boolean | null;
}

export function verdict(result: Result): Verdict {
  if (!result.budget) return { result, pass: null };
  return { result, pass: result.value !== null && result.value <= result.budget.max };
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

export function formatBudget(result: Result): string {
  if (!result.budget) return '';
  return result.budget.label ?? `≤ ${round(result.budget.max)} ${result.unit}`.trim();
}

const STATUS = { true: 'ok', false: 'FAIL', null: '' } as const;

/** A plain-text table: section, metric, figure, budget, ok/FAIL, then notes underneath their row. */
export function formatTable(results: readonly Result[]): string {
  const rows = results.map((r) => {
    const { pass } = verdict(r);
    return [r.section, r.metric, formatValue(r), formatBudget(r), STATUS[String(pass) as keyof typeof STATUS]];
  });
  const header = ['Section', 'Metric', 'Result', 'Budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-')];
  results.forEach((r, i) => {
    out.push(line(rows[i]!));
    if (r.note) out.push(`${' '.repeat(widths[0]!)} |   ↳ ${r.note}`);
  });
  return out.join('\n');
}

/** Lines naming each budget that failed, with figure and limit. */
export function failures(results: readonly Result[]): string[] {
  return results
    .map(verdict)
    .filter((v) => v.pass === false)
    .map(({ result }) => `${result.section} / ${result.metric}: ${formatValue(result)} (budget ${formatBudget(result)})`);
}
