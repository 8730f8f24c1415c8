// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoverageLine } from '@/components/panel/coverage-line';
import { DEFAULT_SETTINGS, modelsCacheItem, settingsItem } from '@/utils/storage/items';
import type { PageContent } from '@/utils/sources/types';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';

afterEach(cleanup);

const msg = (key: string, ...subs: string[]) => formatMessage(en as Record<string, { message: string }>, key, subs);
// About 40 K tokens of text: too long for an 8 K or 32 K window, fine for 128 K.
const page: PageContent = { url: 'https://example.com/', title: 'Long', text: 'word '.repeat(40_000), selection: '' };
const models = [
  { id: 'moonshot-v1-8k', contextLength: 8_192 },
  { id: 'moonshot-v1-128k', contextLength: 131_072 },
];

describe('CoverageLine', () => {
  it('"Use the larger model" switches this conversation’s model, not the saved default', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, model: 'moonshot-v1-8k' });
    await modelsCacheItem.setValue({ base: 'https://api.moonshot.ai/v1', models, fetchedAt: 1 });
    const onUseModel = vi.fn();
    const view = render(<CoverageLine page={page} chosenModel="moonshot-v1-8k" onUseModel={onUseModel} />);
    fireEvent.click(await view.findByRole('button', { name: msg('coverageUseLarger', 'moonshot-v1-128k') }));
    expect(onUseModel).toHaveBeenCalledWith('moonshot-v1-128k');
    expect((await settingsItem.getValue()).model).toBe('moonshot-v1-8k');
  });

  it('judges the page by the model chosen in the panel: it fits the chosen 128 K model though the saved one is 8 K', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, model: 'moonshot-v1-8k' });
    await modelsCacheItem.setValue({ base: 'https://api.moonshot.ai/v1', models, fetchedAt: 1 });
    const view = render(<CoverageLine page={page} chosenModel="moonshot-v1-128k" />);
    await view.findByText((_, el) => el?.getAttribute('data-fits') === 'true');
    expect(view.container.querySelector('[data-fits="false"]')).toBeNull();
  });
});
