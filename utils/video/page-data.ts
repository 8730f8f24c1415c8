// Data a video page carries in its own inline scripts (`var ytInitialPlayerResponse = {…};`,
// `window.__INITIAL_STATE__={…};`), read as text: the page reader runs in an isolated world and
// cannot see the page's variables. The object is found by one string-aware pass, never a regex.

/** Beyond this an inline object is not the player data we look for. */
export const MAX_OBJECT_CHARS = 8_000_000;

/** The balanced `{…}` starting at `from` (which must be `{`), or null; linear, string-aware. */
export function balancedObject(text: string, from: number, max = MAX_OBJECT_CHARS): string | null {
  if (text[from] !== '{') return null;
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, from + max);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && --depth === 0) return text.slice(from, i + 1);
  }
  return null;
}

/** The JSON object assigned after `marker` (e.g. `ytInitialPlayerResponse = `) in `text`, parsed; or undefined. */
export function objectAfter(text: string, marker: string): unknown {
  let at = text.indexOf(marker);
  while (at >= 0) {
    let i = at + marker.length;
    while (text[i] === ' ') i++;
    const raw = balancedObject(text, i);
    if (raw) {
      try {
        return JSON.parse(raw);
      } catch {
        // Not JSON (a JS object literal): look for the next assignment.
      }
    }
    at = text.indexOf(marker, at + marker.length);
  }
  return undefined;
}

/** The first inline script in `doc` that assigns `marker`, as parsed JSON; or undefined. */
export function inlineObject(doc: Document, marker: string): unknown {
  for (const script of Array.from(doc.scripts)) {
    if (script.src) continue;
    const text = script.textContent ?? '';
    if (!text.includes(marker)) continue;
    const found = objectAfter(text, marker);
    if (found !== undefined) return found;
  }
  return undefined;
}
