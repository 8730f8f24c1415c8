import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/utils/i18n';
import './shortcuts-info.css';

/** Moonlit's commands in the order they are listed; opening the panel has a different name per browser. */
const LABELS: [string, MessageKey][] = [
  ['_execute_action', 'commandOpenPanel'],
  ['_execute_sidebar_action', 'commandOpenPanel'],
  ['summarize-page', 'commandSummarizePage'],
  ['ask-selection', 'commandAskSelection'],
];

export interface Binding {
  label: string;
  /** The browser's text for the keys, or '' when the user removed the shortcut. */
  shortcut: string;
}

/** The current bindings of Moonlit's commands, labelled in the UI language, in a fixed order. */
export async function readBindings(): Promise<Binding[]> {
  const all = await browser.commands.getAll();
  return LABELS.flatMap(([name, label]) => {
    const command = all.find((c) => c.name === name);
    return command ? [{ label: t(label), shortcut: command.shortcut ?? '' }] : [];
  });
}

interface FirefoxCommands {
  openShortcutSettings?: () => Promise<void>;
}

/** Chrome opens its shortcuts page in a tab; Firefox (137+) opens its own dialog. */
function openShortcutSettings(): void {
  if (import.meta.env.FIREFOX) {
    void (browser.commands as unknown as FirefoxCommands).openShortcutSettings?.().catch(() => undefined);
  } else {
    void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }).catch(() => undefined);
  }
}

const canOpenSettings = () => !import.meta.env.FIREFOX || typeof (browser.commands as unknown as FirefoxCommands).openShortcutSettings === 'function';

/** A closed-by-default disclosure listing the shortcuts and where to change them. */
export function ShortcutsInfo() {
  const [bindings, setBindings] = useState<Binding[]>([]);
  // Read again on every opening: the user may have changed a key in the browser's settings meanwhile.
  const refresh = useCallback(() => {
    readBindings().then(setBindings, () => setBindings([]));
  }, []);
  useEffect(refresh, [refresh]);
  if (bindings.length === 0) return null;
  return (
    <details class="shortcuts" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && refresh()}>
      <summary>{t('shortcutsTitle')}</summary>
      <ul>
        {bindings.map((b) => (
          <li key={b.label}>
            {b.shortcut ? <kbd>{b.shortcut}</kbd> : <span class="shortcut-unset">{t('shortcutNotSet')}</span>} {b.label}
          </li>
        ))}
      </ul>
      <p>{t(import.meta.env.FIREFOX ? 'shortcutsWhereFirefox' : 'shortcutsWhereChrome')}</p>
      {canOpenSettings() && (
        <button type="button" onClick={openShortcutSettings}>
          {t('shortcutsChange')}
        </button>
      )}
    </details>
  );
}
