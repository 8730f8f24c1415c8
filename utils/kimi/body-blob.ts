import { LastFew } from './last-few';

/**
 * The request body as a Blob. A follow-up about the same long page sends the
 * same page message again: its JSON bytes are made into a Blob once and the
 * body is composed around it, so each question encodes only what is new
 * (a Blob made of Blobs shares their bytes instead of copying a string again).
 */
const LONG = 20_000;
const pageBlobs = new LastFew<Blob>(2);
/** Stands in for the long text while the rest is serialised; the nonce keeps page text from ever matching it. */
const HOLE = `\u0000moonlit-hole-${Math.random().toString(36).slice(2)}\u0000`;
const HOLE_JSON = JSON.stringify(HOLE);

interface Message {
  content?: unknown;
}

export function bodyBlob(body: { messages: Message[] }): Blob {
  const at = body.messages.findIndex((m) => typeof m.content === 'string' && m.content.length >= LONG);
  if (at < 0) return new Blob([JSON.stringify(body)], { type: 'application/json' });
  const text = body.messages[at].content as string;
  const messages = body.messages.map((m, i) => (i === at ? { ...m, content: HOLE } : m));
  const json = JSON.stringify({ ...body, messages });
  const cut = json.indexOf(HOLE_JSON);
  return new Blob([json.slice(0, cut), textBlob(text), json.slice(cut + HOLE_JSON.length)], { type: 'application/json' });
}

/** Encodes a long message text ahead (a page read before the question), so its request finds the bytes made. */
export function warmBodyText(text: string): void {
  if (text.length >= LONG) textBlob(text);
}

/** The long text as a JSON string (quotes included), encoded once per text. */
function textBlob(text: string): Blob {
  let blob = pageBlobs.get(text);
  if (!blob) pageBlobs.set(text, (blob = new Blob([JSON.stringify(text)])));
  return blob;
}
