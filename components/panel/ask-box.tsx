import { useState, type Dispatch, type StateUpdater } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import type { Action } from '@/utils/actions/merge';
import { filterActions, slashQuery } from '@/utils/panel/slash';
import { SLASH_LIST_ID, SlashList, slashOptionId } from './slash-list';

/**
 * The question box. Enter sends, Shift+Enter starts a new line. `/` at the start opens the list of actions
 * (a list the box controls): typing filters it, arrows move, Enter picks, Escape closes; the rest of the line is the question.
 */
export function AskBox(props: {
  streaming: boolean;
  onSend(question: string): Promise<boolean>;
  onStop(): void;
  /** The user is getting ready to ask (typing): the question's way to the worker can open. */
  onWarm?(): void;
  /** Send pressed (the click will follow). */
  onPress?(): void;
  /** The question being typed, held by the panel (so "Answer in parts" can take it); the box holds its own otherwise. */
  draft?: [string, Dispatch<StateUpdater<string>>];
  actions?: readonly Action[];
  /** Runs a picked action with what the user typed after it. */
  onAction?(action: Action, rest: string): Promise<boolean>;
  /** Shown under the buttons (the cost line). */
  children?: ComponentChildren;
}) {
  const own = useState('');
  const [text, setText] = props.draft ?? own;
  const [hint, setHint] = useState('');
  const [chosen, setChosen] = useState<Action | null>(null);
  const [active, setActive] = useState(0);
  const [closed, setClosed] = useState(false);
  const slash = props.actions && !chosen && !closed ? slashQuery(text) : null;
  const matches = slash ? filterActions(props.actions!, slash.query) : [];
  const pick = (action: Action) => {
    setChosen(action);
    setText(slash?.rest ?? '');
    setActive(0);
  };
  const send = async () => {
    const question = text.trim();
    if (chosen && props.onAction) {
      setHint('');
      if (await props.onAction(chosen, question)) {
        setChosen(null);
        setText((current) => (current.trim() === question ? '' : current));
      }
      return;
    }
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
      {chosen && (
        <p class="chosen-action">
          {t('actionsChosen', chosen.name)}{' '}
          <button type="button" aria-label={t('actionsClearChosen', chosen.name)} onClick={() => setChosen(null)}>✕</button>
        </p>
      )}
      {slash && <SlashList actions={matches} active={Math.min(active, matches.length - 1)} query={slash.query} onPick={pick} />}
      <textarea
        // A textbox that controls the list (every test and tool finds the question box as a textbox).
        aria-controls={slash ? SLASH_LIST_ID : undefined}
        aria-autocomplete="list"
        aria-activedescendant={slash && matches.length ? slashOptionId(Math.min(active, matches.length - 1)) : undefined}
        aria-label={t('panelAskLabel')}
        placeholder={t('panelAskPlaceholder')}
        value={text}
        rows={3}
        onInput={(e) => {
          const value = (e.target as HTMLTextAreaElement).value;
          setText(value);
          setActive(0);
          if (!value.startsWith('/')) setClosed(false);
          props.onWarm?.();
        }}
        onKeyDown={(e) => {
          if (slash && !e.isComposing) {
            const n = matches.length;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (n) setActive((i) => (Math.min(i, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
              return;
            }
            if (e.key === 'Escape') {
              e.preventDefault();
              setClosed(true);
              return;
            }
            if (e.key === 'Enter' && !e.shiftKey && n) {
              e.preventDefault();
              pick(matches[Math.min(active, n - 1)]);
              return;
            }
          }
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
            onPointerDown={(e) => e.button === 0 && (text.trim() || chosen) && props.onPress?.()}
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
