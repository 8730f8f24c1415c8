// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PdfRead, PdfReadOptions } from '../../../../utils/panel/document-read';

// The worker says "a PDF"; the PDF reader needs a password it remembers once given (as document-read.ts does).
let remembered: string | undefined;
vi.mock('@/utils/messaging/send', () => ({ sendMessage: vi.fn(async () => ({ ok: 'pdf', url: 'https://a.example/locked.pdf' })) }));
vi.mock('@/utils/panel/document-read', () => ({
  readPdfTab: vi.fn(async (url: string, opts: PdfReadOptions): Promise<PdfRead> => {
    const password = opts.password ?? remembered;
    if (!password) return { ok: false, doc: { step: 'password', url, wrong: false } };
    await new Promise((r) => setTimeout(r, 30)); // decrypting takes a while
    remembered = password;
    return { ok: true, page: { url, title: 'Keeper Accounts', text: 'ledger', selection: '' } } as PdfRead;
  }),
}));

const { usePageReading } = await import('../../../../components/panel/use-page-reading');
type Reading = ReturnType<typeof usePageReading>;

afterEach(cleanup);

function Harness(props: { expose(r: Reading): void }) {
  props.expose(usePageReading(4));
  return null;
}

describe('usePageReading', () => {
  it('a read begun while the password is being tried (a late "load complete") waits for it, so the prompt does not come back', async () => {
    remembered = undefined;
    let reading: Reading | undefined;
    render(<Harness expose={(r) => (reading = r)} />);
    const withPassword = reading!.readPage({ password: 'lantern' });
    const late = reading!.readPage();
    await Promise.all([withPassword, late]);
    await vi.waitFor(() => expect(reading!.page.state).toBe('ready'));
    expect(reading!.pageRef.current.state).toBe('ready');
    expect((await late).state).toBe('ready');
  });
});

describe('usePageReading: a prompt being answered', () => {
  it('stays on screen while the tab is read again by itself; the user\'s own read shows "reading"', async () => {
    remembered = undefined;
    let reading: Reading | undefined;
    const states: string[] = [];
    render(<Harness expose={(r) => ((reading = r), states.push(r.page.state))} />);
    await reading!.readPage();
    expect(reading!.page.state).toBe('document');
    states.length = 0;
    await reading!.readPage(); // "load complete" again
    expect(states).not.toContain('reading');
    await reading!.readPage({ password: 'lantern' });
    await vi.waitFor(() => expect(reading!.page.state).toBe('ready'));
    expect(states).toContain('reading');
  });
});
