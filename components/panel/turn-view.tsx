import type { Turn } from '@/utils/panel/conversation';
import { canContinue } from '@/utils/panel/conversation';
import { t } from '@/utils/i18n';
import { LazyMarkdown } from '@/components/markdown/lazy-markdown';
import { ErrorNotice } from './error-notice';
import { UsageLine } from './usage-line';
import { TurnActions } from './turn-actions';
import { TurnFiles } from './attach-turn-files';
import { CiteLayer, type CiteWhere } from './cite-layer';
import { sourceOf } from '@/utils/panel/turn-sources';
import { videoOf } from '@/utils/video/video-url';

/** One question and its answer, with the answer's state. */
export function TurnView(props: {
  turn: Turn;
  busy: boolean;
  last: boolean;
  citeWhere?: CiteWhere;
  onContinue(): void;
  onResend(question: string): void;
  /** Ask this turn's question again, reading the page in parts (it replaces the turn). */
  onParts?(): void;
}) {
  const { turn } = props;
  // An answer about a video cites moments (`[4:05]`), which play the video in its tab.
  const video = !!props.citeWhere && !!videoOf(props.citeWhere.url);
  const end = props.citeWhere?.lengthSeconds;
  const cites = { has: (n: number) => !!sourceOf(turn, n), moments: video, momentsEnd: end };
  const streaming = turn.status === 'streaming';
  const question = turn.mode === 'summarize' && !turn.question ? t(video ? 'videoSummarize' : 'panelSummarize') : turn.question;
  // A turn read in parts is carried on by reading in parts again, which replaces it: only the last one, so no later turn is lost.
  const continuable = canContinue(turn) && (!turn.inParts || props.last);
  return (
    <article class="turn">
      <p class="question">{question}</p>
      <TurnFiles files={turn.files} />
      {turn.reasoning && (
        <details class="thinking">
          <summary>{streaming && !turn.answer ? t('panelThinkingNow') : t('panelThinking')}</summary>
          <div class="thinking-text">{turn.reasoning}</div>
        </details>
      )}
      {turn.titleOnly && <p class="turn-state title-only">{t('videoTitleOnlyAnswer')}</p>}
      <div class="answer" data-role="answer" data-status={turn.status} aria-busy={streaming}>
        {turn.answer ? (
          <CiteLayer turn={turn} where={props.citeWhere}>
            {/* Settled blocks never re-render: once the video's length is known, the answer is drawn again to mark moments past it. */}
            <LazyMarkdown key={end} text={turn.answer} streaming={streaming} cites={cites} />
          </CiteLayer>
        ) : (
          streaming && <p class="waiting">{t('panelWaiting')}</p>
        )}
      </div>
      {turn.status === 'stopped' && <p class="turn-state">{turn.interrupted ? t('panelInterrupted') : t('panelStopped')}</p>}
      {turn.status === 'done' && turn.finishReason === 'length' && <p class="turn-state">{t('panelCutOff')}</p>}
      {turn.status === 'error' && turn.failure && (
        <ErrorNotice
          failure={turn.failure}
          // With text already received, trying again continues it (Partial Mode) instead of throwing it away.
          onRetry={props.busy ? undefined : turn.answer ? props.onContinue : () => props.onResend(turn.question)}
          onContinue={props.busy || !continuable ? undefined : props.onContinue}
          onParts={props.busy || !props.last ? undefined : props.onParts}
          parts={turn.mode === 'ask' && turn.question.trim() ? 'answer' : 'summary'}
        />
      )}
      {turn.status !== 'error' && continuable && !props.busy && (
        <button type="button" class="continue" onClick={props.onContinue}>
          {t('panelContinue')}
        </button>
      )}
      {turn.status === 'done' && <UsageLine turn={turn} last={props.last} />}
      {!streaming && !props.busy && <TurnActions turn={turn} last={props.last} onResend={props.onResend} />}
    </article>
  );
}
