import { useEffect, useState } from 'preact/hooks';
import type { ModelInfo } from '@/utils/kimi/types';
import { sendMessage } from '@/utils/messaging/send';
import { keyHintItem, modelsCacheItem, settingsItem, DEFAULT_SETTINGS, type Settings } from '@/utils/storage/items';
import { apiBase, sendsKeyInClear } from '@/utils/kimi/endpoint';
import { describeFailure } from '@/utils/kimi/error-table';
import { pickDefaultModel } from '@/utils/kimi/models';
import { checkDraft, requestEndpointPermission, saveOptions, type OptionsDraft } from '@/utils/options/save-options';
import { t } from '@/utils/i18n';
import { ApiKeyField } from './api-key-field';
import { PlatformField } from './platform-field';
import { ModelField } from './model-field';
import { LanguageField } from './language-field';
import { CitationsField } from './citations-field';
import { WebSearchField } from './web-search-field';
import { BalanceField } from './balance-field';
import { SelectionButtonField } from './selection-button-field';
import { errorDetail, isQuotaError } from '@/utils/storage/write-errors';
import { StorageSection } from './storage-section';
import { ActionsSection } from './actions-section';
import './options.css';

type Status = { tone: 'ok' | 'error' | 'busy'; text: string } | null;

export function OptionsApp() {
  const [draft, setDraft] = useState<OptionsDraft>({ ...DEFAULT_SETTINGS, apiKey: '' });
  const [saved, setSaved] = useState<Settings>(DEFAULT_SETTINGS);
  const [savedHint, setSavedHint] = useState('');
  const [models, setModels] = useState<ModelInfo[]>([]);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void (async () => {
      const settings = await settingsItem.getValue();
      setDraft({ ...settings, apiKey: '' });
      setSaved(settings);
      setSavedHint(await keyHintItem.getValue());
      const cache = await modelsCacheItem.getValue();
      if (cache && cache.base === apiBase(settings)) setModels(cache.models);
      setLoaded(true);
    })();
  }, []);

  const patch = (p: Partial<OptionsDraft>) => setDraft((d) => ({ ...d, ...p }));

  const applyModels = (list: ModelInfo[]) => {
    setModels(list);
    if (list.length === 0) return;
    if (draft.model && list.some((m) => m.id === draft.model)) return setNote('');
    const pick = pickDefaultModel(list);
    patch({ model: pick.id });
    setNote(t('optionsModelPicked', pick.id, t(pick.reason)));
  };

  const testConnection = async () => {
    const granted = await requestEndpointPermission(draft);
    const problem = checkDraft(draft);
    if (problem) return setStatus({ tone: 'error', text: t(problem) });
    if (!granted) return setStatus({ tone: 'error', text: t('optionsPermissionDenied') });
    // The saved key only goes to the saved address.
    if (!draft.apiKey.trim() && !sameAddress(draft, saved)) return setStatus({ tone: 'error', text: t('optionsTestTypeKey') });
    setStatus({ tone: 'busy', text: t('optionsTesting') });
    const result = await sendMessage('options→bg:test-connection', {
      platform: draft.platform,
      customEndpoint: draft.customEndpoint,
      apiKey: draft.apiKey || undefined,
    });
    if (result.ok) {
      applyModels(result.models);
      setStatus({ tone: 'ok', text: t('optionsConnected', result.models.length) });
    } else {
      const info = describeFailure(result.failure);
      setStatus({ tone: 'error', text: `${info.title} ${info.advice}` });
      // The key works on the other official platform: choosing it is one click.
      if (info.platform) patch({ platform: info.platform });
    }
  };

  const save = async () => {
    const granted = await requestEndpointPermission(draft);
    const problem = checkDraft(draft);
    if (problem) return setStatus({ tone: 'error', text: t(problem) });
    if (!granted) return setStatus({ tone: 'error', text: t('optionsPermissionDenied') });
    try {
      await saveOptions(draft);
    } catch (e) {
      // Storage full, or any other refusal: the draft stays in the form, nothing is lost.
      return setStatus({ tone: 'error', text: isQuotaError(e) ? t('optionsSaveFailedFull') : t('optionsSaveFailed', errorDetail(e)) });
    }
    setSaved(await settingsItem.getValue());
    if (draft.apiKey.trim()) setSavedHint(await keyHintItem.getValue());
    patch({ apiKey: '' });
    const clear = draft.platform === 'custom' && sendsKeyInClear(draft.customEndpoint);
    setStatus({ tone: clear ? 'error' : 'ok', text: clear ? `${t('optionsSaved')} ${t('optionsEndpointClearText')}` : t('optionsSaved') });
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <form
        aria-busy={!loaded}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ApiKeyField value={draft.apiKey} savedHint={savedHint} onInput={(apiKey) => patch({ apiKey })} />
        <PlatformField
          platform={draft.platform}
          endpoint={draft.customEndpoint}
          onPlatform={(platform) => patch({ platform })}
          onEndpoint={(customEndpoint) => patch({ customEndpoint })}
        />
        <ModelField models={models} model={draft.model} note={note} onModel={(model) => patch({ model })} />
        <LanguageField value={draft.answerLanguage} onChange={(answerLanguage) => patch({ answerLanguage })} />
        <WebSearchField platform={draft.platform} checked={draft.webSearch === true} onChange={(webSearch) => patch({ webSearch })} />
        <CitationsField checked={draft.citations !== false} onChange={(citations) => patch({ citations })} />
        <BalanceField platform={saved.platform} unsaved={unsavedConnection(draft, saved)} />
        <SelectionButtonField />
        <div class="actions">
          <button type="button" onClick={() => void testConnection()}>
            {t('optionsTest')}
          </button>
          <button type="submit" class="primary">
            {t('optionsSave')}
          </button>
        </div>
        <p class={`status ${status?.tone ?? ''}`} role="status">
          {status?.text ?? ''}
        </p>
      </form>
      <ActionsSection />
      <StorageSection />
    </main>
  );
}

/** The draft's platform and endpoint are the saved ones. */
function sameAddress(draft: OptionsDraft, saved: Settings): boolean {
  return draft.platform === saved.platform && (draft.platform !== 'custom' || apiBase(draft) === apiBase(saved));
}

/** A typed key, or a platform or endpoint other than the saved one: the balance would not be for what is shown. */
const unsavedConnection = (draft: OptionsDraft, saved: Settings): boolean => !!draft.apiKey.trim() || !sameAddress(draft, saved);
