// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AttachBar } from '../../../../components/panel/attach-bar';
import { useAttachedAsk, type AskSession } from '../../../../components/panel/use-attached-ask';
import { handOver, memoryTransfer, useTransferBackend } from '../../../../utils/documents/transfer';
import { DEFAULT_SETTINGS, modelsCacheItem, settingsItem } from '../../../../utils/storage/items';
import type { AskChoice } from '../../../../utils/kimi/types';
import type { ActionAsk } from '../../../../utils/panel/actions';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';

const msg = (key: keyof typeof en, ...subs: string[]) => formatMessage(en, key, subs);
const VISION = 'kimi-k2.6';
const TEXT_ONLY = 'moonshot-v1-8k';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

afterEach(() => {
  cleanup();
  useTransferBackend(undefined);
});

beforeEach(async () => {
  useTransferBackend(memoryTransfer());
  await modelsCacheItem.setValue({
    base: 'https://api.moonshot.ai/v1',
    fetchedAt: 1,
    models: [
      { id: VISION, supportsImages: true },
      { id: TEXT_ONLY, supportsImages: false },
    ],
  });
});

type Hook = ReturnType<typeof useAttachedAsk>;

function Harness(props: { session: AskSession; choice?: AskChoice; expose(h: Hook): void }) {
  const hook = useAttachedAsk(props.session, { id: 'c1', choice: props.choice });
  props.expose(hook);
  return <AttachBar attach={hook.attach} tabId={3} />;
}

/** The panel with a saved default model, a conversation's choice, and a session that records what it was asked. */
async function setup(saved: string, choice?: AskChoice) {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, model: saved });
  const asked: [string | undefined, string, string][] = [];
  const session: AskSession = {
    page: { state: 'ready' },
    setAskExtras: vi.fn(),
    askWithModel: vi.fn(async (model: string | undefined, mode: string, question: string) => {
      asked.push([model, mode, question]);
      return true;
    }),
    setChoice: vi.fn(),
  };
  let hook: Hook | undefined;
  const view = render(<Harness session={session} choice={choice} expose={(h) => (hook = h)} />);
  // The settings and the model list are read from storage: the panel knows which model sees images.
  await vi.waitFor(() => expect([hook?.attach.model, hook?.attach.vision]).toEqual([choice?.model ?? saved, VISION]));
  // The attach bar reads the settings and models from storage: the model it names is the one a question goes to.
  const runImage = async (action: ActionAsk) => {
    const transferId = await handOver(PNG);
    await hook!.image.run({ transferId, partial: false }, action);
  };
  return { view, asked, session, runImage, hook: () => hook! };
}

describe('an image action sends with the action’s own model', () => {
  it('a model that sees images: the question goes at once, with that model and the action’s mode, though the saved default is text-only', async () => {
    const { asked, view, runImage } = await setup(TEXT_ONLY);
    await runImage({ mode: 'ask', question: 'What is in this picture?', model: VISION });
    await vi.waitFor(() => expect(asked).toEqual([[VISION, 'ask', 'What is in this picture?']]));
    // The image stays attached for follow-ups, which go to the conversation's model: a text-only one says so now.
    await view.findByText(msg('attachNoVision', TEXT_ONLY));
  });

  it('a text-only action model: nothing is sent; the user is told and picks a model that sees, for this question only', async () => {
    const { asked, view, session, runImage } = await setup(VISION);
    await runImage({ mode: 'ask', question: 'Describe it.', model: TEXT_ONLY });
    await view.findByText(msg('attachNoVision', TEXT_ONLY));
    await view.findByText(msg('attachNeedsVision')); // the question was tried, and waits
    expect(asked).toEqual([]);
    fireEvent.click(view.getByRole('button', { name: msg('attachSwitchModel', VISION) }));
    await vi.waitFor(() => expect(asked).toEqual([[VISION, 'ask', 'Describe it.']]));
    // The action's question changed model; the conversation's choice and the saved default did not.
    expect(session.setChoice).not.toHaveBeenCalled();
    expect((await settingsItem.getValue()).model).toBe(VISION);
  });

  it('a text-only action model: reading the image’s text instead sends with the action’s model', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: { name: string }) =>
      m.name === 'panel→bg:ocr' ? { ok: true, text: 'RECOGNISED WORDS', cached: false } : undefined) as never);
    const { asked, view, runImage } = await setup(VISION);
    await runImage({ mode: 'summarize', question: '', model: TEXT_ONLY });
    fireEvent.click(await view.findByRole('button', { name: msg('attachReadImageText') }));
    await vi.waitFor(() => expect(asked).toEqual([[TEXT_ONLY, 'summarize', '']]));
  });

  it('an action without a model of its own follows the conversation’s choice; a question typed after it does too', async () => {
    const { asked, hook, runImage } = await setup(TEXT_ONLY, { model: VISION });
    await runImage({ mode: 'ask', question: 'Whose face?' });
    await vi.waitFor(() => expect(asked).toEqual([[undefined, 'ask', 'Whose face?']]));
    expect(hook().attach.model).toBe(VISION);
    await hook().onSend('And the background?');
    expect(asked.at(-1)).toEqual([undefined, 'ask', 'And the background?']);
  });

  it('a question typed while an action’s question waits goes with the conversation’s model, not the action’s', async () => {
    const { asked, hook, runImage, view } = await setup(VISION);
    await runImage({ mode: 'ask', question: 'Describe it.', model: TEXT_ONLY });
    await view.findByText(msg('attachNeedsVision'));
    void hook().onSend('Just the page, please.');
    await vi.waitFor(() => expect(asked).toEqual([[undefined, 'ask', 'Just the page, please.']]));
  });
});

describe('"Switch to" a model that sees, without an action', () => {
  it('switches the conversation’s model (the Model control), not the saved default', async () => {
    const { view, session, hook } = await setup(VISION, { model: TEXT_ONLY, thinking: false });
    hook().attach.addImage(PNG, 'shot.png');
    await view.findByText(msg('attachNoVision', TEXT_ONLY));
    fireEvent.click(view.getByRole('button', { name: msg('attachSwitchModel', VISION) }));
    expect(session.setChoice).toHaveBeenCalledWith({ model: VISION, thinking: false });
    expect((await settingsItem.getValue()).model).toBe(VISION);
  });
});
