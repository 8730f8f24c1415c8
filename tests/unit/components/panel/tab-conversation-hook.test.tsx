// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { useRef } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageState, usePageReading } from '../../../../components/panel/use-page-reading';
import type { StoredConversation } from '../../../../utils/history/schema';
import { saveConversation } from '../../../../utils/history/store';
import { addTurn } from '../../../../utils/panel/conversation';

// Every conversation the hook shows for a tab is remembered for it: the calls say when the load has shown its own.
// The look-up of the tab's conversation waits at `lookup.gate`, so a test can ask a question while it runs.
const remembered = vi.hoisted(() => vi.fn());
const lookup = vi.hoisted(() => ({ gate: Promise.resolve() as Promise<unknown>, calls: 0 }));
vi.mock('@/utils/panel/tab-conversation', async (original) => {
  const actual = await original<typeof import('../../../../utils/panel/tab-conversation')>();
  return {
    ...actual,
    rememberTabConversation: remembered.mockImplementation(actual.rememberTabConversation),
    conversationForTab: async (tabId: number, url: string | undefined) => {
      lookup.calls++;
      await lookup.gate;
      return actual.conversationForTab(tabId, url);
    },
  };
});

const { newConversation, rememberTabConversation } = await import('../../../../utils/panel/tab-conversation');
const { useConversations } = await import('../../../../components/panel/use-conversations');
const { useTabConversation } = await import('../../../../components/panel/use-tab-conversation');

afterEach(cleanup);

const TAB = 7;
const URL_A = 'https://a.example/article';
const READY: PageState = { state: 'ready', page: { url: URL_A, title: 'Article', text: 'Body.', selection: '' } };

interface Exposed {
  tab: ReturnType<typeof useTabConversation>;
  convs: ReturnType<typeof useConversations>[0];
  shown: StoredConversation | undefined;
}

/** The hook on a page whose reading ends when the test says; `busy`: an answer streaming. */
function Harness(props: { read: () => Promise<PageState>; busy?: boolean; expose(e: Exposed): void }) {
  const [convs, shown] = useConversations();
  const pageRef = useRef<PageState>({ state: 'idle' });
  const busy = useRef(props.busy);
  const reading = useRef({
    pageRef,
    setPageState: (s: PageState) => void (pageRef.current = s),
    readPage: () => props.read().then((s) => (pageRef.current = s)),
  } as unknown as ReturnType<typeof usePageReading>);
  props.expose({ tab: useTabConversation(TAB, convs, reading.current, busy), convs, shown });
  return null;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Renders the hook for TAB and returns its latest state, plus the page read it is waiting on. */
function mount(busy?: boolean) {
  const page = deferred<PageState>();
  let last: Exposed | undefined;
  render(<Harness read={() => page.promise} busy={busy} expose={(e) => (last = e)} />);
  return { page, now: () => last! };
}

/** A question about the page, in a conversation of its own, shown the way ask() shows one (staged: not written yet). */
function askIn(now: () => Exposed): StoredConversation {
  const asked = newConversation(TAB, URL_A, 'Article');
  now().tab.showFor(TAB, asked);
  now().convs.stage(asked.id, (c) => addTurn(c, 'summarize', '')[0]);
  return asked;
}

/** The load has read the page and is looking up the tab's conversation, held there until `release()`. */
async function inLookup(page: ReturnType<typeof mount>['page']) {
  const held = deferred<void>();
  lookup.gate = held.promise;
  const before = lookup.calls;
  page.resolve(READY);
  await vi.waitFor(() => expect(lookup.calls).toBe(before + 1));
  return { release: () => held.resolve() };
}

/** The tab showed a conversation with a question earlier this session (written, and remembered for the tab). */
async function shownBefore(): Promise<StoredConversation> {
  const [before] = addTurn(newConversation(TAB, URL_A, 'Article'), 'ask', 'Earlier?');
  await saveConversation(before as StoredConversation);
  await rememberTabConversation(TAB, before.id);
  return before as StoredConversation;
}

/** A question asked while the load looks the tab's conversation up; resolved once the load has shown its choice. */
async function askedDuringLookup() {
  remembered.mockClear();
  const { page, now } = mount();
  const load = await inLookup(page);
  const asked = askIn(now);
  load.release();
  // The load has shown its choice once it remembered one for the tab too.
  await vi.waitFor(() => expect(remembered).toHaveBeenCalledTimes(2));
  return { now, asked };
}

describe('useTabConversation: the load of the bound tab', () => {
  it('brings back the conversation the tab showed this session', async () => {
    const before = await shownBefore();
    remembered.mockClear();
    const { page, now } = mount();
    page.resolve(READY);
    await vi.waitFor(() => expect(remembered).toHaveBeenCalledTimes(1));
    expect(now().shown?.id).toBe(before.id);
    expect(now().shown?.turns.map((t) => t.question)).toEqual(['Earlier?']);
  });

  it('keeps the conversation of a question asked while it looked the tab up (a menu action claimed as the panel loads)', async () => {
    const { now, asked } = await askedDuringLookup();
    expect(now().shown?.id).toBe(asked.id);
    expect(now().shown?.turns).toHaveLength(1);
    expect(remembered).toHaveBeenLastCalledWith(TAB, asked.id);
  });

  it('keeps it over the conversation the tab showed before', async () => {
    await shownBefore();
    const { now, asked } = await askedDuringLookup();
    expect(now().shown?.id).toBe(asked.id);
  });

  it('keeps a question asked while it read the page', async () => {
    remembered.mockClear();
    const { page, now } = mount();
    const asked = askIn(now);
    page.resolve(READY);
    await vi.waitFor(() => expect(remembered).toHaveBeenCalledTimes(2));
    expect(now().shown?.id).toBe(asked.id);
  });
});

describe('useTabConversation: while an answer streams', () => {
  it('New chat and a conversation opened from history leave the shown one in place', async () => {
    remembered.mockClear();
    const { page, now } = mount(true);
    page.resolve(READY);
    await vi.waitFor(() => expect(remembered).toHaveBeenCalledTimes(1));
    const shown = now().shown;
    expect(shown).toBeDefined();
    now().tab.newChat();
    now().tab.openConversation(newConversation(TAB, URL_A, 'Other'));
    expect(now().shown?.id).toBe(shown!.id);
    expect(remembered).toHaveBeenCalledTimes(1);
  });

  it('when none streams, New chat shows a new conversation about the page read', async () => {
    remembered.mockClear();
    const { page, now } = mount(false);
    page.resolve(READY);
    await vi.waitFor(() => expect(remembered).toHaveBeenCalledTimes(1));
    const first = now().shown!.id;
    now().tab.newChat();
    await vi.waitFor(() => expect(now().shown?.id).not.toBe(first));
    expect(now().shown).toMatchObject({ url: URL_A, title: 'Article', turns: [] });
  });
});
