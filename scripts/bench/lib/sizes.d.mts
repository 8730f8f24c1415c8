// Types for sizes.mjs (plain JS so `node scripts/check-sizes.mjs` runs without a compiler).
export const KB: number;
export interface Budget {
  id: string;
  label: string;
  budget: number;
}
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}
export interface BudgetRow extends Budget {
  files: FileSize[];
  raw: number;
  gzip: number;
  ok: boolean;
}
export const BUDGETS: Budget[];
export function gzipSize(buf: Uint8Array | string): number;
export function contentScripts(root: string): string[];
export function eagerFiles(root: string, htmlName: string): string[];
export function budgetReport(root: string): BudgetRow[];
export function entrypointSizes(root: string): { name: string; files: FileSize[]; raw: number; gzip: number }[];
export function kib(n: number): string;
export function budgetTable(rows: BudgetRow[]): string;
