import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/** One row of the fault table: what was broken, what the agent did and saw, what it cost. */
export interface FaultRow {
  fault: string;
  /** What the agent was doing when it happened. */
  action: string;
  /** The text the panel showed (trimmed). */
  saw: string;
  /** Typed values missing afterwards (draft fields, status choice, command). Must be 0. */
  dataLost: number;
  /** Incidents or updates beyond the one intended. Must be 0. */
  duplicates: number;
  /** Worked again once the fault cleared, without reconnecting or reloading. */
  recovered: boolean;
}

/** Written by the e2e fault specs (Playwright empties test-results/ at the start of every run). */
export const FAULT_TABLE_FILE = path.resolve('test-results/fault-table.jsonl');

/** Called once per run, so rows never pile up across runs that keep test-results/. */
export function resetFaultTable(): void {
  rmSync(FAULT_TABLE_FILE, { force: true });
}

export function recordFault(row: FaultRow): void {
  mkdirSync(path.dirname(FAULT_TABLE_FILE), { recursive: true });
  appendFileSync(FAULT_TABLE_FILE, `${JSON.stringify({ ...row, saw: row.saw.replace(/\s+/g, ' ').trim() })}\n`);
}

export function readFaultRows(file = FAULT_TABLE_FILE): FaultRow[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as FaultRow);
}
