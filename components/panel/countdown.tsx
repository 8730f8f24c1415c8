import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

/** "Try again" that stays disabled while the rate limit's wait runs down. */
export function Countdown(props: { seconds: number; onRetry(): void }) {
  const [left, setLeft] = useState(Math.max(0, Math.ceil(props.seconds)));
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return (
    <button type="button" disabled={left > 0} onClick={props.onRetry}>
      {left > 0 ? t('panelRetryIn', left) : t('panelRetry')}
    </button>
  );
}
