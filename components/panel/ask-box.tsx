import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';

/** The question box. Enter sends, Shift+Enter starts a new line. */
export function AskBox(props: {
  streaming: boolean;
  onSend(question: string): Promise<boolean>;
  onStop(): void;
  /** The user is getting ready to ask (typing): the question's way to the worker can open. */
  onWarm?(): void;
  /** Send pressed (the click will follow). */
  onPress?(): void;
  /** Shown under the buttons (the cost line). */
  children?: ComponentChildren;
}) {
  const [text, setText] = useState('');
  const [hint, setHint] = useState('');
  const send = async () => {
    const question = text.trim();
    if (!question) {
      setHint(t('panelEmptyQuestion'));
      return;
    }
    setHint('');
    // Keep the text when the question could not be sent (e.g. the page can't be read).
    if (await props.onSend(question)) setText((current) => (current.trim() === question ? '' : current));
  };
  return (
    <form
      class="ask-box"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <textarea
        aria-label={t('panelAskLabel')}
        placeholder={t('panelAskPlaceholder')}
        value={text}
        rows={3}
        onInput={(e) => {
          setText((e.target as HTMLTextAreaElement).value);
          props.onWarm?.();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            if (!props.streaming) void send();
          }
        }}
      />
      {hint && <p class="hint" role="status">{hint}</p>}
      <div class="ask-actions">
        {props.streaming ? (
          <button type="button" onClick={props.onStop}>{t('panelStop')}</button>
        ) : (
          <button
            type="submit"
            class="primary"
            onPointerDown={(e) => e.button === 0 && text.trim() && props.onPress?.()}
            // The focus (and caret) stays in the question box: the next question can be typed at once, and no
            // focus change is worked out between the press and the click.
            onMouseDown={(e) => e.preventDefault()}
          >
            {t('panelSend')}
          </button>
        )}
      </div>
      {props.children}
    </form>
  );
}
