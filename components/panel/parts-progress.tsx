import { useEffect, useState } from 'preact/hooks';
import { onPartsProgress, partsProgress, type PartsProgress } from '@/utils/panel/parts-progress';
import { t } from '@/utils/i18n';
import './parts-progress.css';

/** "Part k of n" while a page is summarised or a question answered in parts, and the wait when Kimi's rate limit was reached. */
export function PartsProgressLine() {
  const [p, setP] = useState<PartsProgress | null>(partsProgress());
  const [, setNow] = useState(0);
  useEffect(() => onPartsProgress(setP), []);
  const waitUntil = p?.waitUntil;
  // Tick once a second while waiting, so the countdown moves.
  useEffect(() => {
    if (!waitUntil) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);
  if (!p) return null;
  const done = p.phase === 'parts' ? p.done : p.phase === 'condense' ? p.group - 1 : p.of;
  const left = waitUntil ? Math.max(0, Math.ceil((waitUntil - Date.now()) / 1000)) : 0;
  const answer = p.kind === 'answer';
  const line =
    p.phase === 'parts'
      ? t(answer ? 'partsReadingAnswer' : 'partsReading', p.part, p.of)
      : p.phase === 'condense'
        ? t('partsCondensing', p.group, p.of)
        : t(answer ? 'partsCombiningAnswer' : 'partsCombining', p.of);
  return (
    <div class="notice parts-progress" role="status" data-phase={p.phase} data-kind={p.kind} data-done={done} data-of={p.of}>
      <p>{line}</p>
      <progress max={p.of} value={done} aria-label={t('partsDoneLabel')} />
      {left > 0 && <p class="parts-wait">{t('partsWaiting', left)}</p>}
    </div>
  );
}
