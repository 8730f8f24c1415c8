import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { answerStyleItem } from '@/utils/storage/items';
import { ANSWER_STYLE_MAX } from '@/utils/kimi/prompt-text';
import { errorDetail } from '@/utils/storage/write-errors';

/** "How Kimi should answer": saved on its own, so it needs no key or connection check. */
export function AnswerStyleField() {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => void answerStyleItem.getValue().then(setText), []);
  const tooLong = text.length > ANSWER_STYLE_MAX;
  return (
    <form
      class="field answer-style"
      onSubmit={(e) => {
        e.preventDefault();
        if (tooLong) return;
        answerStyleItem.setValue(text.trim()).then(
          () => setStatus({ tone: 'ok', text: t('actionsAnswerStyleSaved') }),
          (err) => setStatus({ tone: 'error', text: t('actionsSaveFailed', errorDetail(err)) }),
        );
      }}
    >
      <label for="answer-style">{t('actionsAnswerStyle')}</label>
      <textarea
        id="answer-style"
        rows={4}
        value={text}
        aria-invalid={tooLong}
        aria-describedby="answer-style-help"
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <p class="help" id="answer-style-help">
        {t('actionsAnswerStyleHelp', ANSWER_STYLE_MAX)}
      </p>
      {tooLong && (
        <p class="field-error" role="alert">
          {t('actionsAnswerStyleLong', ANSWER_STYLE_MAX, text.length)}
        </p>
      )}
      <div class="actions">
        <button type="submit">{t('actionsAnswerStyleSave')}</button>
      </div>
      <p class={`status ${status?.tone ?? ''}`} role="status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
