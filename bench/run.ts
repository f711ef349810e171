/**
 * `npm run bench`: load and performance figures with budgets (issues 5 and 10). Prints a table of each
 * figure, its floor (measured in the same run) and the ratio, writes bench/results/latest.json, exits
 * 1 when a budget fails. Every section runs three times: a figure whose runs spread beyond ±20 % is
 * reported as noisy, with its spread, instead of passed or failed on one run.
 *   --no-build       use the existing .output builds instead of rebuilding
 *   --only=a,b       run some sections: bundles, panel, scale, content, economy, memory
 *   --runs=N         runs per section (default 3; 1 for a quick look, never judged for noise)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox/server';
import type { BenchContext } from './lib/context';
import { combineRuns, failures, formatTable, noisy, type Result } from './lib/report';
import { benchApiEconomy } from './sections/api-economy';
import { measureBundles } from './sections/bundles';
import { benchContentScript } from './sections/content-script';
import { benchMemory } from './sections/memory';
import { benchPanel } from './sections/panel';
import { benchScale } from './sections/scale';

const ROOT = path.resolve(import.meta.dirname, '..');
const PROD_DIR = path.join(ROOT, '.output/chrome-mv3');
const E2E_DIR = path.join(ROOT, '.output/chrome-mv3-e2e');

type Section = (ctx: BenchContext) => Promise<Result[]>;
const SECTIONS: Record<string, Section> = {
  bundles: async (ctx) => measureBundles(ctx.prodDir),
  panel: benchPanel,
  scale: benchScale,
  content: benchContentScript,
  economy: benchApiEconomy,
  memory: benchMemory,
};

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const RUNS = Math.max(1, Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3) || 3);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function build(): void {
  for (const script of ['build', 'build:e2e']) {
    log(`npm run ${script}`);
    const res = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (res.status !== 0) throw new Error(`npm run ${script} failed`);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!args.includes('--no-build')) build();
  const workDir = mkdtempSync(path.join(tmpdir(), 'incident-copilot-bench-'));
  // Snapshots: other work in the same tree may rebuild .output while the bench runs.
  const [prodDir, e2eDir] = [PROD_DIR, E2E_DIR].map((dir) => {
    if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run npm run build and npm run build:e2e`);
    const copy = path.join(workDir, path.basename(dir));
    cpSync(dir, copy, { recursive: true });
    return copy;
  }) as [string, string];
  const sandbox = await startSandbox({ port: 0 });
  const ctx: BenchContext = { prodDir, e2eDir, sandbox, workDir, log };
  const results: Result[] = [];
  try {
    for (const [name, section] of Object.entries(SECTIONS)) {
      if (only && !only.includes(name)) continue;
      const runs: Result[][] = [];
      for (let run = 1; run <= RUNS; run++) {
        const t0 = Date.now();
        log(`${name} (run ${run} of ${RUNS})…`);
        // One broken section still leaves the others' figures, and fails the run.
        runs.push(await section(ctx).catch((error: unknown): Result[] => [{
          section: name, metric: 'section ran to the end', value: null, unit: '', budget: { max: 0, label: 'runs' },
          note: String(error instanceof Error ? error.message : error).split('\n')[0],
        }]));
        log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      results.push(...combineRuns(runs));
    }
  } finally {
    await sandbox.close();
    rmSync(workDir, { recursive: true, force: true });
  }

  const failed = failures(results);
  const swinging = noisy(results);
  const durationMs = Date.now() - started;
  console.log(formatTable(results));
  console.log(`\n${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${(durationMs / 1000).toFixed(0)} s`);
  if (swinging.length) console.log(`\nNoisy, not judged (runs spread beyond ±20 %):\n${swinging.map((f) => `  - ${f}`).join('\n')}`);
  console.log(failed.length ? `\nBudgets failed (${failed.length}):\n${failed.map((f) => `  - ${f}`).join('\n')}` : `\nAll judged budgets met${swinging.length ? ` (${swinging.length} noisy)` : ''}.`);
  const outDir = path.join(ROOT, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify({
    startedAt: new Date(started).toISOString(), durationMs, runs: RUNS, machine: { cores: cpus().length, loadAverage: loadavg() }, results, failures: failed, noisy: swinging,
  }, null, 2)}\n`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error);
  return 2;
});
