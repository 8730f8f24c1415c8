import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Turn } from '@/utils/panel/conversation';
import type { CiteResult, CitedSource } from '@/utils/citations/types';
import { sourceOf } from '@/utils/panel/turn-sources';
import { sendMessage } from '@/utils/messaging/send';
import { useMoments } from './use-moments';
import { t } from '@/utils/i18n';
import './cite-layer.css';

type Failure = Extract<CiteResult, { ok: false }>['reason'];
const FAILURE_TEXT = { gone: 'citeGone', moved: 'citeMoved', blocked: 'citeBlocked' } as const;
const PREVIEW_CHARS = 320;

/** Where the answer's page is: the bound tab and the page the conversation is about. */
export interface CiteWhere {
  tabId: number;
  url: string;
  /** A video's transcript as Kimi read it, for the lines a cited moment points to. */
  transcript?: string;
  /** That video's length in seconds (0 or absent when unknown). */
  lengthSeconds?: number;
}

const citeButton = (e: Event) => (e.target as Element | null)?.closest?.('button.md-cite') as HTMLButtonElement | null;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Wraps an answer: its citation buttons (built by the Markdown view) show the
 * passage on hover or focus, and a click asks the worker to show it in the tab.
 * When the page can't show it any more, the quoted text is shown here instead.
 */
export function CiteLayer(props: { turn: Turn; where?: CiteWhere; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const [preview, setPreview] = useState<{ n: number; source: CitedSource; top: number; left: number } | null>(null);
  const [failed, setFailed] = useState<{ n: number; source: CitedSource; reason: Failure } | null>(null);
  const moments = useMoments(props.where);

  const show = (e: Event) => {
    moments.show(e, box.current);
    const button = citeButton(e);
    const source = button && sourceOf(props.turn, Number(button.dataset.cite));
    if (!button || !source || !box.current) return;
    const outer = box.current.getBoundingClientRect();
    const r = button.getBoundingClientRect();
    button.setAttribute('aria-describedby', `cite-preview-${props.turn.id}`);
    setPreview({ n: Number(button.dataset.cite), source, top: r.bottom - outer.top + 4, left: Math.max(0, r.left - outer.left - 24) });
  };
  const hide = (e: Event) => {
    moments.hide(e);
    if (citeButton(e)) setPreview(null);
  };
  const open = async (e: Event) => {
    void moments.seek(e);
    const button = citeButton(e);
    if (!button) return;
    const n = Number(button.dataset.cite);
    const source = sourceOf(props.turn, n);
    if (!source) return;
    let result: CiteResult = { ok: false, reason: 'moved' };
    // A passage of another tab added to the question: that tab is brought to the front and shows it.
    const where = source.tab ? { tabId: source.tab.tabId, url: source.tab.url, focus: true as const } : props.where;
    if (where) {
      result = await sendMessage('panel→bg:cite', { ...where, quote: source.quote, at: source.at, ...(source.page ? { page: source.page } : {}) }).catch(
        (): CiteResult => ({ ok: false, reason: 'blocked' }),
      );
    }
    setFailed(result.ok ? null : { n, source, reason: result.reason });
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegated listeners for the citation buttons inside (real buttons).
    // biome-ignore lint/a11y/useKeyWithMouseEvents: focusin/focusout below pair with mouseover/mouseout.
    <div
      class="cite-layer"
      ref={box}
      onClick={(e) => void open(e)}
      onMouseOver={show}
      onMouseOut={hide}
      onFocusIn={show}
      onFocusOut={hide}
      onKeyDown={(e) => e.key === 'Escape' && (setPreview(null), moments.hide(e))}
    >
      {props.children}
      {moments.view}
      {preview && (
        <div class="cite-preview" role="tooltip" id={`cite-preview-${props.turn.id}`} style={{ top: `${preview.top}px`, left: `${preview.left}px` }}>
          <strong>
            {t('citePreviewLabel', String(preview.n))}
            {preview.source.page ? ` · ${t('citePage', String(preview.source.page))}` : ''}
          </strong>
          {preview.source.tab && <em class="cite-tab">{t('tabsCitedFrom', preview.source.tab.title || preview.source.tab.url)}</em>}
          <span>{clip(preview.source.quote, PREVIEW_CHARS)}</span>
        </div>
      )}
      {failed && (
        <div class="cite-failed" role="status" data-reason={failed.reason}>
          <p>{t(FAILURE_TEXT[failed.reason])}</p>
          <blockquote>
            {failed.source.page ? `${t('citePage', String(failed.source.page))}: ` : ''}
            {failed.source.quote}
          </blockquote>
          <button type="button" class="link" onClick={(e) => (e.stopPropagation(), setFailed(null))}>
            {t('citeClose')}
          </button>
        </div>
      )}
    </div>
  );
}
