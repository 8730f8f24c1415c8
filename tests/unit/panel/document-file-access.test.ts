import { describe, expect, it, vi } from 'vitest';
import { extensionSettingsUrl, localFileBlocker, type FileAccessProbe } from '../../../utils/panel/document-file-access';
import { readPdfTab, forgetPdfReads } from '../../../utils/panel/document-read';

const probe = (over: Partial<FileAccessProbe>): FileAccessProbe => ({
  firefox: false,
  switchOn: async () => true,
  hasPermission: async () => true,
  ...over,
});
const LOCAL = 'file:///home/me/report.pdf';

describe('file:// PDFs', () => {
  it('web PDFs are never blocked here', async () => {
    expect(await localFileBlocker('https://x.org/a.pdf', probe({ firefox: true, switchOn: async () => false }))).toBeNull();
  });

  it('Firefox: extension pages cannot read local files at all', async () => {
    expect(await localFileBlocker(LOCAL, probe({ firefox: true }))).toEqual({ reason: 'file-unsupported' });
  });

  it('Chromium: the "Allow access to file URLs" switch first, then the file:///* permission', async () => {
    expect(await localFileBlocker(LOCAL, probe({ switchOn: async () => false }))).toEqual({ reason: 'file-access' });
    expect(await localFileBlocker(LOCAL, probe({ switchOn: () => Promise.reject(new Error('no API')) }))).toEqual({ reason: 'file-access' });
    expect(await localFileBlocker(LOCAL, probe({ hasPermission: async () => false }))).toEqual({ reason: 'file-permission' });
    expect(await localFileBlocker(LOCAL, probe({}))).toBeNull();
  });

  it("points at the extension's own settings page", () => {
    expect(extensionSettingsUrl('abc')).toBe('chrome://extensions/?id=abc');
  });

  it('a blocked local PDF is not fetched; the panel gets the reason', async () => {
    forgetPdfReads();
    const fetchBytes = vi.fn();
    const read = await readPdfTab(
      LOCAL,
      {},
      {
        fetchBytes,
        extract: vi.fn(),
        cachedText: vi.fn(),
        ocr: vi.fn(),
        ocrPages: vi.fn(),
        localBlocker: (url) => localFileBlocker(url, probe({ switchOn: async () => false })),
      },
    );
    expect(read).toEqual({ ok: false, doc: { step: 'failed', url: LOCAL, failure: { reason: 'file-access' } } });
    expect(fetchBytes).not.toHaveBeenCalled();
  });
});
