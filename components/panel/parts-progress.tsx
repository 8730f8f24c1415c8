import { useEffect, useState } from 'preact/hooks';
import { onPartsProgress, partsProgress, type PartsProgress } from '@/utils/panel/parts-progress';
import { t } from '@/utils/i18n';
import './parts-progress.css';

/** "Part k of n" while a page is summarised in parts, and the wait when Kimi's rate limit was reached. */
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
  const done = p.phase === 'parts' ? p.done : p.of;
  const left = waitUntil ? Math.max(0, Math.ceil((waitUntil - Date.now()) / 1000)) : 0;
  return (
    <div class="notice parts-progress" role="status" data-phase={p.phase} data-done={done} data-of={p.of}>
      <p>{p.phase === 'parts' ? t('partsReading', p.part, p.of) : t('partsCombining', p.of)}</p>
      <progress max={p.of} value={done} aria-label={t('partsDoneLabel')} />
      {left > 0 && <p class="parts-wait">{t('partsWaiting', left)}</p>}
    </div>
  );
}
