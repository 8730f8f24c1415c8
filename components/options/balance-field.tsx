import { useState } from 'preact/hooks';
import type { Platform } from '@/utils/storage/items';
import { sendMessage } from '@/utils/messaging/send';
import { describeFailure } from '@/utils/kimi/error-table';
import { formatMoney } from '@/utils/kimi/balance';
import { t, uiLanguage } from '@/utils/i18n';

/**
 * GET /v1/users/me/balance on demand: USD on .ai, CNY on .cn, the raw figure (or "not available") elsewhere.
 * Always for the saved settings: with unsaved changes it asks to save first (the key goes nowhere unsaved).
 */
export function BalanceField(props: { platform: Platform; unsaved: boolean }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const check = async () => {
    if (props.unsaved) return setText(t('optionsBalanceSaveFirst'));
    setBusy(true);
    setText(t('optionsBalanceChecking'));
    try {
      const r = await sendMessage('options→bg:balance', {});
      const locale = uiLanguage();
      if (r.ok && r.currency) {
        const money = (n: number | undefined) => (n === undefined ? '—' : formatMoney(n, r.currency, locale));
        setText(t('optionsBalanceValue', money(r.available), money(r.cash), money(r.voucher)));
      } else if (r.ok) setText(t('optionsBalanceCustom', formatMoney(r.available, undefined, locale)));
      else if (props.platform === 'custom' && (r.failure.kind === 'not-api' || r.failure.status === 404)) setText(t('optionsBalanceUnavailable'));
      else {
        const info = describeFailure(r.failure);
        setText(`${info.title}. ${info.advice}`);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="field">
      <span class="label">{t('optionsBalance')}</span>
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void check()}>
          {t('optionsBalanceCheck')}
        </button>
        <output class="balance" aria-live="polite">
          {text}
        </output>
      </div>
      <p class="help">{t('optionsBalanceHelp')}</p>
    </div>
  );
}
