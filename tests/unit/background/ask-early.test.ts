// The worker reads its settings when the panel opens the port, before the question arrives (first-token speed),
// and asks for the reading again when the question comes: the worker's own holds it until something changes.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleAskPort, type AskDeps } from '../../../utils/background/ask-session';
import { readLocalConnection, resolveConnection, type LocalConnection } from '../../../utils/background/connection';
import { settingsItem } from '../../../utils/storage/items';
import { setApiKey } from '../../../utils/storage/secret-store';
import { DEFAULT_KEY } from '../../simulator/server';
import { createPortPair, until } from '../helpers/fake-port';
import { ask, chats, connectionTo, workerSimulator } from './ask-harness';

const simulator = workerSimulator(() => void vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true));

const local: LocalConnection = { settings: {} as LocalConnection['settings'], apiKey: DEFAULT_KEY, hostAllowed: true };

function openPort(deps: AskDeps) {
  const { panel, bg } = createPortPair('moonlit-ask');
  handleAskPort(bg as never, { balanceCheck: false, ...deps });
  return panel;
}

describe('the early reading on the ask port', () => {
  it('starts when the port opens and is handed to connect when the question comes', async () => {
    const reading = Promise.resolve(local);
    const prepare = vi.fn(() => reading);
    const connect = vi.fn(async () => connectionTo(simulator()));
    const panel = openPort({ prepare, connect });
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(connect).not.toHaveBeenCalled();
    panel.postMessage({ type: 'panel→bg:ask', request: ask });
    await until(() => panel.received.some((m) => (m as { type: string }).type === 'bg→panel:done'));
    expect(connect).toHaveBeenCalledWith(reading);
    expect(chats(simulator())).toHaveLength(1);
  });

  it('is asked for again when the question comes, and connect gets that answer', async () => {
    const first = Promise.resolve(local);
    const second = Promise.resolve({ ...local, apiKey: 'sk-changed-meanwhile' });
    const prepare = vi.fn().mockReturnValueOnce(first).mockReturnValueOnce(second);
    const connect = vi.fn(async () => connectionTo(simulator()));
    const panel = openPort({ prepare, connect });
    panel.postMessage({ type: 'panel→bg:ask', request: ask });
    await until(() => connect.mock.calls.length === 1);
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(connect).toHaveBeenCalledWith(second);
    // Let this answer finish here: still streaming, its request would land in the next test's simulator log.
    await until(() => panel.received.some((m) => (m as { type: string }).type === 'bg→panel:done'));
  });

  it('a failing early reading costs nothing until a question comes, and is then reported', async () => {
    // Only this reading's rejection counts: an answer still streaming from an earlier test must not make this one flaky.
    const boom = new Error('storage is gone');
    const unhandled = vi.fn((reason: unknown) => reason === boom);
    const seen = (reason: unknown) => void (reason === boom && unhandled(reason));
    process.on('unhandledRejection', seen);
    const panel = openPort({ prepare: () => Promise.reject(boom), connect: resolveConnection });
    await new Promise((r) => setTimeout(r, 20));
    expect(unhandled).not.toHaveBeenCalled();
    panel.postMessage({ type: 'panel→bg:ask', request: ask });
    await until(() => panel.received.some((m) => (m as { type: string }).type === 'bg→panel:error'));
    process.off('unhandledRejection', seen);
    expect(chats(simulator())).toHaveLength(0);
  });
});

describe('readLocalConnection', () => {
  it('reads without any request, even when no model is chosen yet; resolving it then lists the models once', async () => {
    await setApiKey(DEFAULT_KEY);
    await settingsItem.setValue({ ...(await settingsItem.getValue()), platform: 'custom', customEndpoint: simulator().url, model: '' });
    const reading = readLocalConnection();
    expect(await reading).toMatchObject({ apiKey: DEFAULT_KEY, hostAllowed: true });
    expect(simulator().log).toHaveLength(0);
    const c = await resolveConnection(reading);
    expect(c).toMatchObject({ base: `${simulator().url}/v1`, model: expect.stringMatching(/^kimi-/) });
    expect(simulator().log.filter((r) => r.path === '/v1/models')).toHaveLength(1);
  });

  it('gives resolveConnection the same answer as reading at once', async () => {
    await setApiKey(DEFAULT_KEY);
    await settingsItem.setValue({ ...(await settingsItem.getValue()), platform: 'custom', customEndpoint: simulator().url, model: 'kimi-k2.6' });
    expect(await resolveConnection(readLocalConnection())).toEqual(await resolveConnection());
  });
});
