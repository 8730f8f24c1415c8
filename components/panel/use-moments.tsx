import { useState } from 'preact/hooks';
import type { SeekResult } from '@/utils/messaging/protocol';
import { sendMessage } from '@/utils/messaging/send';
import { transcriptLineAt } from '@/utils/video/transcript-lines';
import { t } from '@/utils/i18n';
import type { CiteWhere } from './cite-layer';

type SeekFailure = Extract<SeekResult, { ok: false }>['reason'];
const SEEK_TEXT = { moved: 'videoSeekMoved', blocked: 'videoSeekBlocked', 'no-player': 'videoSeekNoPlayer' } as const;
const PREVIEW_CHARS = 320;

const momentButton = (e: Event) => (e.target as Element | null)?.closest?.('button.md-moment') as HTMLButtonElement | null;

/** An answer's `[4:05]` moments: hovering shows the transcript there, a click plays the video in its tab from there. */
export function useMoments(where: CiteWhere | undefined) {
  const [preview, setPreview] = useState<{ label: string; text: string; top: number; left: number } | null>(null);
  const [failed, setFailed] = useState<SeekFailure | null>(null);
  const show = (e: Event, box: HTMLElement | null) => {
    const button = momentButton(e);
    if (!button || !box || !where?.transcript) return;
    const text = transcriptLineAt(where.transcript, Number(button.dataset.seconds));
    if (!text) return;
    const outer = box.getBoundingClientRect();
    const r = button.getBoundingClientRect();
    const clipped = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
    setPreview({ label: button.textContent ?? '', text: clipped, top: r.bottom - outer.top + 4, left: Math.max(0, r.left - outer.left - 24) });
  };
  const hide = (e: Event) => {
    if (momentButton(e) || e.type === 'keydown') setPreview(null);
  };
  const seek = async (e: Event) => {
    const button = momentButton(e);
    if (!button) return;
    let result: SeekResult = { ok: false, reason: 'moved' };
    if (where) {
      result = await sendMessage('panel→bg:seek', { tabId: where.tabId, url: where.url, seconds: Number(button.dataset.seconds) }).catch(
        (): SeekResult => ({ ok: false, reason: 'blocked' }),
      );
    }
    setFailed(result.ok ? null : result.reason);
  };
  const view = (
    <>
      {preview && (
        <div class="cite-preview moment-preview" role="tooltip" style={{ top: `${preview.top}px`, left: `${preview.left}px` }}>
          <strong>{preview.label}</strong>
          <span>{preview.text}</span>
        </div>
      )}
      {failed && (
        <div class="cite-failed" role="status" data-reason={failed}>
          <p>{t(SEEK_TEXT[failed])}</p>
          <button type="button" class="link" onClick={(e) => (e.stopPropagation(), setFailed(null))}>
            {t('citeClose')}
          </button>
        </div>
      )}
    </>
  );
  return { show, hide, seek, view };
}
