import { useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging/send';
import { describeFailure } from '@/utils/kimi/error-table';
import { formatMoney, isLow } from '@/utils/kimi/balance';
import { t, uiLanguage } from '@/utils/i18n';

/** The account balance in the header, only when asked (one GET through the worker), with a warning when low. */
export function BalanceButton() {
  const [text, setText] = useState('');
  const [low, setLow] = useState(false);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setText(t('balanceChecking'));
    try {
      const r = await sendMessage('panel→bg:balance', {});
      if (r.ok) {
        const money = formatMoney(r.available, r.currency, uiLanguage());
        const isLowNow = isLow(r.available, r.currency);
        setLow(isLowNow);
        setText(t(isLowNow ? 'balanceLow' : 'balanceValue', money));
      } else {
        setLow(false);
        const f = r.failure;
        setText(f.kind === 'not-api' || f.status === 404 ? t('balanceUnavailable') : describeFailure(f).title);
      }
    } catch {
      setText(t('balanceUnavailable'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="balance-check">
      <button type="button" disabled={busy} onClick={() => void check()}>
        {t('balanceCheck')}
      </button>
      {text && (
        // biome-ignore lint/a11y/noRedundantRoles: said explicitly, as not every screen reader maps <output> to a live status.
        <output class={low ? 'balance low-balance' : 'balance'} role="status">
          {text}
        </output>
      )}
    </span>
  );
}
