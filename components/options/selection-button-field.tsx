import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { selectionButtonItem } from '@/utils/storage/items';
import { useStoredValue } from '@/utils/ui/use-stored-value';
import { neverHerePattern, SELECTION_HOSTS, syncSelectionButton } from '@/utils/selection-button/registration';
import { t } from '@/utils/i18n';

/**
 * The opt-in selection button. It takes effect at once (not with Save): the browser grants a permission only
 * inside the user's click, so the request is made right there. Off gives the permission back.
 */
export function SelectionButtonField() {
  const setting = useStoredValue(selectionButtonItem);
  const [note, setNote] = useState('');
  const [sites, setSites] = useState('');
  const savedSites = setting?.neverHere.join('\n');
  useEffect(() => {
    if (savedSites !== undefined) setSites(savedSites);
  }, [savedSites]);
  if (!setting) return null;

  const toggle = (on: boolean) => {
    setNote('');
    // Requested synchronously in the click: any await before it would lose the user's gesture.
    const asked = on ? browser.permissions.request({ origins: SELECTION_HOSTS }) : Promise.resolve(false);
    void (async () => {
      if (on && !(await asked)) return setNote(t('selectionButtonDenied'));
      await selectionButtonItem.setValue({ ...setting, enabled: on });
      if (!on) await browser.permissions.remove({ origins: SELECTION_HOSTS });
      await syncSelectionButton();
    })().catch((e: unknown) => setNote(String(e)));
  };
  const saveSites = async () => {
    const lines = sites
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = lines.find((s) => !neverHerePattern(s));
    if (bad) return setNote(t('selectionNeverHereBad', bad.slice(0, 200)));
    await selectionButtonItem.setValue({ ...setting, neverHere: lines });
    await syncSelectionButton();
    setNote(t('selectionNeverHereSaved'));
  };
  return (
    <div class="field">
      <label class="check">
        <input type="checkbox" checked={setting.enabled} onChange={(e) => toggle((e.target as HTMLInputElement).checked)} />
        {t('selectionButtonOption')}
      </label>
      <p class="help">{t('selectionButtonHelp')}</p>
      {setting.enabled && (
        <>
          <label class="label" for="never-here">
            {t('selectionNeverHere')}
          </label>
          <textarea id="never-here" rows={3} value={sites} onInput={(e) => setSites((e.target as HTMLTextAreaElement).value)} />
          <button type="button" onClick={() => void saveSites()}>
            {t('selectionNeverHereSave')}
          </button>
        </>
      )}
      {note && (
        <p class="help" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
