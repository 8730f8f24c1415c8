import { useState, type Dispatch, type StateUpdater } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import type { Action } from '@/utils/actions/merge';
import { filterActions, slashQuery } from '@/utils/panel/slash';
import { SLASH_LIST_ID, SlashList, slashOptionId } from './slash-list';
import { filterEntries, mentionQuery, type PickEntry } from '@/utils/sources/tab-pick';
import { MENTION_LIST_ID, MentionList, mentionOptionId } from './tab-mention';

/** The tabs `@` lists (use-tab-sources.ts): null until listed for the box. */
export interface MentionSource {
  entries: PickEntry[] | null;
  open(): void;
  pick(entry: PickEntry): void;
  close(): void;
}

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
  /** `@` lists the window's tabs, filtered by what follows; Enter adds the active one. */
  mention?: MentionSource;
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
  const [mentionClosed, setMentionClosed] = useState(false);
  const at = props.mention && !slash && !mentionClosed ? mentionQuery(text) : null;
  const tabs = at && props.mention!.entries ? filterEntries(props.mention!.entries, at.query) : null;
  const listId = slash ? SLASH_LIST_ID : tabs ? MENTION_LIST_ID : undefined;
  const activeId =
    slash && matches.length
      ? slashOptionId(Math.min(active, matches.length - 1))
      : tabs?.length
        ? mentionOptionId(Math.min(active, tabs.length - 1))
        : undefined;
  const pickTab = (entry: PickEntry) => {
    if (entry.blocked) return;
    // Synchronous from the key press or click: the permission request inside is part of the user's gesture.
    props.mention!.pick(entry);
    setText(at?.before ?? text);
    setActive(0);
  };
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
          <button type="button" aria-label={t('actionsClearChosen', chosen.name)} onClick={() => setChosen(null)}>
            ✕
          </button>
        </p>
      )}
      {slash && <SlashList actions={matches} active={Math.min(active, matches.length - 1)} query={slash.query} onPick={pick} />}
      {tabs && at && <MentionList entries={tabs} active={Math.min(active, tabs.length - 1)} query={at.query} onPick={pickTab} />}
      <textarea
        // A textbox that controls the list (every test and tool finds the question box as a textbox).
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-label={t('panelAskLabel')}
        placeholder={t('panelAskPlaceholder')}
        value={text}
        rows={3}
        onInput={(e) => {
          const value = (e.target as HTMLTextAreaElement).value;
          setText(value);
          setActive(0);
          if (!value.startsWith('/')) setClosed(false);
          const mentioned = props.mention && mentionQuery(value);
          if (!mentioned) setMentionClosed(false);
          else if (!mentionClosed && !props.mention!.entries) props.mention!.open();
          props.onWarm?.();
        }}
        onKeyDown={(e) => {
          // The list open under the box (actions after `/`, tabs after `@`) takes the arrows, Escape and Enter.
          const list = slash
            ? { items: matches, close: () => setClosed(true), pick: (i: number) => pick(matches[i]) }
            : tabs
              ? { items: tabs, close: () => (setMentionClosed(true), props.mention!.close()), pick: (i: number) => pickTab(tabs[i]) }
              : null;
          if (list && !e.isComposing) {
            const n = list.items.length;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (n) setActive((i) => (Math.min(i, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
              return;
            }
            if (e.key === 'Escape') {
              e.preventDefault();
              list.close();
              return;
            }
            if (e.key === 'Enter' && !e.shiftKey && n) {
              e.preventDefault();
              list.pick(Math.min(active, n - 1));
              return;
            }
          }
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            if (!props.streaming) void send();
          }
        }}
      />
      {hint && (
        <p class="hint" role="status">
          {hint}
        </p>
      )}
      <div class="ask-actions">
        {props.streaming ? (
          <button type="button" onClick={props.onStop}>
            {t('panelStop')}
          </button>
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
