import { useState } from 'preact/hooks';
import type { Turn } from '@/utils/panel/conversation';
import { t } from '@/utils/i18n';
import { withoutMarkers } from '@/utils/citations/markers';

/** Copy, regenerate, and edit-and-resend for a finished turn. */
export function TurnActions(props: { turn: Turn; last: boolean; onResend(question: string): void }) {
  const { turn } = props;
  const [copied, setCopied] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(turn.question);
  const copy = async () => {
    // Citation numbers mean nothing outside the panel.
    await navigator.clipboard.writeText(withoutMarkers(turn.answer));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  if (editing) {
    return (
      <form
        class="edit-question"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.trim()) return;
          setEditing(false);
          props.onResend(draft.trim());
        }}
      >
        <textarea aria-label={t('turnEditLabel')} value={draft} rows={2} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} />
        <div class="turn-buttons">
          <button type="submit" class="primary">
            {t('turnResend')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div class="turn-buttons">
      {turn.answer && (
        <button type="button" onClick={() => void copy()}>
          {copied ? t('turnCopied') : t('turnCopy')}
        </button>
      )}
      {props.last && (
        <button type="button" onClick={() => props.onResend(turn.question)}>
          {t('turnRegenerate')}
        </button>
      )}
      {turn.mode === 'ask' && (
        <button type="button" onClick={() => setEditing(true)}>
          {t('turnEdit')}
        </button>
      )}
    </div>
  );
}
