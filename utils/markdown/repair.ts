/**
 * Closes syntax left open at the end of a partial answer (a code fence, a code span,
 * `**`, `~~`) so the streaming tail renders as it will once complete. One linear pass
 * over the tail only; the settled part of the answer is never scanned again.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function repairTail(src: string): string {
  let fence = '';
  let blockStart = 0;
  let pos = 0;
  while (pos <= src.length) {
    const nl = src.indexOf('\n', pos);
    const end = nl < 0 ? src.length : nl;
    const line = src.slice(pos, end);
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && !line.slice(m[0].length).trim()) fence = '';
    } else {
      const m = FENCE.exec(line);
      if (m && !(m[1][0] === '`' && line.slice(m[0].length).includes('`'))) fence = m[1];
      else if (!line.trim()) blockStart = end + 1;
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (fence) return src + (src.endsWith('\n') ? '' : '\n') + fence;
  if (blockStart >= src.length) return src;
  return src.slice(0, blockStart) + repairInline(src.slice(blockStart));
}

/** Repairs the last block's inline syntax: code spans first, then emphasis in nesting order. */
export function repairInline(block: string): string {
  let code = 0; // length of the open backtick run, 0 when outside code
  let codeAt = -1;
  const open: { mark: string; at: number }[] = [];
  for (let i = 0; i < block.length; ) {
    const c = block[i];
    if (c === '\\' && !code) {
      i += 2;
      continue;
    }
    if (c !== '`' && c !== '*' && c !== '~') {
      i++;
      continue;
    }
    let j = i;
    while (block[j] === c) j++;
    const run = j - i;
    if (c === '`') {
      if (!code) {
        code = run;
        codeAt = i;
      } else if (run === code) code = 0;
    } else if (!code && run >= 2) {
      const mark = c + c;
      const before = block[i - 1] ?? ' ';
      const after = block[j] ?? ' ';
      const top = open.length ? open[open.length - 1] : undefined;
      if (top?.mark === mark && /\S/.test(before)) open.pop();
      else if (/\S/.test(after)) open.push({ mark, at: i });
    }
    i = j;
  }
  let out = block;
  if (code) {
    // Nothing typed after the opening backticks yet: drop them rather than show an empty span.
    out = codeAt + code >= out.trimEnd().length ? out.slice(0, codeAt) : out + '`'.repeat(code);
  }
  for (let k = open.length - 1; k >= 0; k--) {
    const { mark, at } = open[k];
    if (at >= out.length) continue;
    const trimmed = out.trimEnd();
    out = trimmed.length <= at + mark.length ? out.slice(0, at) : trimmed + mark;
  }
  return out;
}
