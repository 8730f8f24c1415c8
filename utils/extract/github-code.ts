import type { SiteText } from './site-adapter';
import { cleanedMarkdown } from './site-adapter';
import { toMarkdown } from './markdown';

/**
 * A GitHub file view as one fenced block. The code viewer only renders the
 * lines on screen, so the whole file is taken from what the page ships with
 * it: the embedded JSON, the hidden text area, or the rendered lines.
 */
export function githubCode(doc: Document, path: string): SiteText | null {
  const file = decodeURIComponent(path.split('/').slice(5).join('/'));
  const rendered = doc.querySelector('article.markdown-body, .markdown-body');
  if (rendered) return { title: file, text: `# ${file}\n\n${cleanedMarkdown(rendered, 'svg, .anchor', toMarkdown)}` };
  const code = embeddedLines(doc) ?? textArea(doc) ?? renderedLines(doc);
  if (code == null) return null;
  const lang = /\.([\w+-]+)$/.exec(file)?.[1] ?? '';
  const tick = code.includes('```') ? '~~~~' : '```';
  return { title: file, text: `# ${file}\n\n${tick}${lang}\n${code.trimEnd()}\n${tick}` };
}

function embeddedLines(doc: Document): string | null {
  for (const script of Array.from(doc.querySelectorAll('script[data-target="react-app.embeddedData"]'))) {
    try {
      const lines = JSON.parse(script.textContent ?? '')?.payload?.blob?.rawLines;
      if (Array.isArray(lines)) return lines.join('\n');
    } catch {
      // Not the JSON we know: try the next source.
    }
  }
  return null;
}

function textArea(doc: Document): string | null {
  const area = doc.querySelector<HTMLTextAreaElement>('textarea#read-only-cursor-text-area');
  return area ? area.value || area.textContent : null;
}

function renderedLines(doc: Document): string | null {
  const lines = doc.querySelectorAll('.react-file-line, td.blob-code');
  return lines.length ? Array.from(lines, (l) => l.textContent?.replace(/\n$/, '') ?? '').join('\n') : null;
}
