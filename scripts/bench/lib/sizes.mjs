// Gzipped sizes of a built extension against Moonlit's budgets. Sizes are deterministic,
// so this is checked in `npm test` (scripts/check-sizes.mjs) and reported by the bench.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const KB = 1024;

/** The budgets (gzip level 9, KiB). The panel's first load must not include lazy chunks (pdf.js, KaTeX). */
export const BUDGETS = [
  { id: 'content-script', label: 'page reader (content script injected into pages)', budget: 20 * KB },
  { id: 'panel-first-load', label: 'panel first load (sidepanel.html + eager JS/CSS)', budget: 60 * KB },
  // Registered on every page while the opt-in selection button is on: it must stay tiny.
  { id: 'selection-button', label: 'selection-button.js (registered on pages when turned on)', budget: 5 * KB },
];

export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;

// Static imports in Vite/Rolldown output: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
// A dynamic `import("./x.js")` has a parenthesis between the keyword and the string, so it never matches.
const STATIC_IMPORT = /\b(?:from|import)\s*["'`]([^"'`\s]+\.m?js)["'`]/g;

/** The files an HTML page loads eagerly: module scripts, modulepreloads and stylesheets, plus the static import graph. */
export function eagerFiles(root, htmlName) {
  const html = readFileSync(join(root, htmlName), 'utf8');
  const start = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const src = /\s(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!src || /^[a-z]+:/i.test(src)) continue;
    const isScript = /^<script/i.test(tag);
    const rel = /\srel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    if (isScript || /\b(stylesheet|modulepreload)\b/i.test(rel)) start.push(posix.normalize(src.replace(/^\//, '')));
  }
  const seen = new Set();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(root, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      if (!m[1].startsWith('.') && !m[1].startsWith('/')) continue;
      queue.push(m[1].startsWith('/') ? m[1].slice(1) : posix.normalize(posix.join(posix.dirname(file), m[1])));
    }
  }
  return [htmlName, ...seen];
}

function measure(root, files) {
  const parts = files.map((f) => {
    const buf = readFileSync(join(root, f));
    return { file: f, raw: buf.length, gzip: gzipSize(buf) };
  });
  return { files: parts, raw: parts.reduce((s, p) => s + p.raw, 0), gzip: parts.reduce((s, p) => s + p.gzip, 0) };
}

// The page script is injected on demand (scripting.executeScript({ files: ['/x.js'] })), not declared in
// the manifest: find it in the background script, whatever the entrypoint is called.
const INJECTED = /files\s*:\s*\[\s*["'`]\/?([^"'`\s]+\.js)["'`]/g;
const KNOWN_PAGE_SCRIPTS = ['page-reader.js', 'content-scripts/content.js'];

/** The script(s) injected into or declared for pages; throws when there is none. */
export function contentScripts(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const declared = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const bg = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  const injected = bg.filter((f) => existsSync(join(root, f))).flatMap((f) => [...readFileSync(join(root, f), 'utf8').matchAll(INJECTED)].map((m) => m[1]));
  let found = [...new Set([...declared, ...injected])].filter((f) => existsSync(join(root, f)));
  if (!found.length) found = KNOWN_PAGE_SCRIPTS.filter((f) => existsSync(join(root, f)));
  if (!found.length)
    throw new Error(`no page script in ${root}: none declared in the manifest, injected by the background, or at ${KNOWN_PAGE_SCRIPTS.join(' / ')}`);
  return found;
}

/** Every budgeted entry of the build at `root` (e.g. .output/chrome-mv3) with its size, budget and verdict. */
export function budgetReport(root) {
  if (!existsSync(join(root, 'manifest.json'))) throw new Error(`no build at ${root}: run \`npm run build\` first`);
  const files = {
    'content-script': contentScripts(root),
    'panel-first-load': eagerFiles(root, 'sidepanel.html'),
    'selection-button': existsSync(join(root, 'selection-button.js')) ? ['selection-button.js'] : [],
  };
  // Each page script is injected on its own (the reader per question, the citation highlighter per
  // click), so the content-script budget holds for each of them, not for their sum.
  return BUDGETS.filter((b) => files[b.id].length).flatMap((b) => {
    const groups = b.id === 'content-script' ? files[b.id].map((f) => [f]) : [files[b.id]];
    return groups.map((group) => {
      const m = measure(root, group);
      const label = b.id === 'content-script' && groups.length > 1 ? `${group[0]} (injected into pages)` : b.label;
      return { ...b, label, ...m, ok: m.gzip <= b.budget };
    });
  });
}

/** Every entrypoint and chunk of the build, for the bench's size table (not budgeted). */
export function entrypointSizes(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const rows = [];
  const add = (name, files) => rows.push({ name, ...measure(root, files) });
  if (manifest.background?.service_worker) add('background (service worker)', [manifest.background.service_worker]);
  if (manifest.background?.scripts) add('background', manifest.background.scripts);
  // Each page script is injected on its own, so each is listed (and budgeted) alone.
  for (const f of contentScripts(root)) add(`content script (${f.replace(/\.js$/, '')})`, [f]);
  add('side panel, first load', eagerFiles(root, 'sidepanel.html'));
  if (existsSync(join(root, 'options.html'))) add('options page, first load', eagerFiles(root, 'options.html'));
  const eager = new Set(rows.flatMap((r) => r.files.map((f) => f.file)));
  for (const dir of ['chunks', 'assets']) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirNames(full)) {
      const rel = `${dir}/${f}`;
      if (f.endsWith('.js') && !eager.has(rel)) add(`lazy chunk ${f.replace(/-[\w-]{8}\.js$/, '')}`, [rel]);
    }
  }
  return rows;
}

const readdirNames = (dir) => readdirSync(dir).sort();

export const kib = (n) => `${(n / KB).toFixed(1)} KiB`;

/** A plain-text table of budget rows for the terminal. */
export function budgetTable(rows) {
  const lines = rows.map(
    (r) =>
      `${r.ok ? 'ok  ' : 'OVER'}  ${r.label.padEnd(52)} ${kib(r.gzip).padStart(10)} / ${kib(r.budget).padStart(9)} gzip  (${kib(r.raw)} raw, ${r.files.length} file${r.files.length === 1 ? '' : 's'})`,
  );
  return lines.join('\n');
}
