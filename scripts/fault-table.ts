/**
 * Prints the fault table: fault | what the agent did | what the agent saw | data lost | duplicates |
 * recovered, from the rows the e2e fault specs record (test-results/fault-table.jsonl).
 *
 *   npx tsx scripts/fault-table.ts          print the rows of the last e2e run (runs the specs if none)
 *   npx tsx scripts/fault-table.ts --run    build the e2e extension, run the fault specs, print
 *
 * Exits 1 when any row lost data, duplicated something or did not recover.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { FAULT_TABLE_FILE, type FaultRow, readFaultRows } from '../e2e/fault-log';

const SAW_MAX = 150;

/** Request IDs differ per run and say nothing to a reader of the table. */
const readable = (text: string) => text.replace(/\s*\(?request ID:? [0-9A-Za-z-]+\)?\.?/gi, '').replace(/\|/g, '\\|');

const cell = (text: string) => {
  const clean = readable(text);
  return clean.length > SAW_MAX ? `${clean.slice(0, SAW_MAX - 1)}…` : clean;
};

export function formatFaultTable(rows: readonly FaultRow[]): string {
  const lines = [
    '| fault | agent did | what the agent saw | data lost | duplicates | recovered |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) =>
      `| ${row.fault} | ${row.action} | ${cell(row.saw)} | ${row.dataLost} | ${row.duplicates} | ${row.recovered ? 'yes' : 'NO'} |`),
  ];
  const lost = rows.reduce((sum, row) => sum + row.dataLost, 0);
  const duplicates = rows.reduce((sum, row) => sum + row.duplicates, 0);
  const unrecovered = rows.filter((row) => !row.recovered).length;
  lines.push('', `${rows.length} faults: ${lost} values lost, ${duplicates} duplicates, ${unrecovered} not recovered.`);
  return lines.join('\n');
}

export const tableFails = (rows: readonly FaultRow[]) =>
  rows.length === 0 || rows.some((row) => row.dataLost > 0 || row.duplicates > 0 || !row.recovered);

function runFaultSpecs() {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync('npm', ['run', 'build:e2e'], { cwd: root, stdio: 'inherit' });
  try {
    execFileSync('npx', ['playwright', 'test', 'e2e/faults.spec.ts'], { cwd: root, stdio: 'inherit' });
  } catch {
    // A failing spec still recorded the rows it reached; the table shows them.
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--run') || readFaultRows().length === 0) runFaultSpecs();
  const rows = readFaultRows();
  console.log(rows.length ? formatFaultTable(rows) : `No fault rows in ${FAULT_TABLE_FILE}.`);
  process.exitCode = tableFails(rows) ? 1 : 0;
}
