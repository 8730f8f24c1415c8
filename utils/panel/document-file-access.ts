import { browser } from 'wxt/browser';
import type { DocFailure } from '../documents/types';
import { FILE_HOSTS } from '../manifest';

/** The optional host permission Chromium needs, besides "Allow access to file URLs", to fetch file:// URLs. */
export const FILE_ORIGINS = FILE_HOSTS;

export interface FileAccessProbe {
  firefox: boolean;
  /** browser.extension.isAllowedFileSchemeAccess(): the user's "Allow access to file URLs" switch (Chromium). */
  switchOn(): Promise<boolean>;
  hasPermission(): Promise<boolean>;
}

const realProbe: FileAccessProbe = {
  firefox: !!import.meta.env.FIREFOX,
  switchOn: async () => (await browser.extension.isAllowedFileSchemeAccess?.()) ?? false,
  hasPermission: () => browser.permissions.contains({ origins: FILE_ORIGINS }),
};

/**
 * Why a file:// PDF can't be fetched, before trying: Firefox never lets
 * extension pages read local files; Chromium does once the user turned on
 * "Allow access to file URLs" and granted the file:///* permission. Null: go ahead.
 */
export async function localFileBlocker(url: string, probe: FileAccessProbe = realProbe): Promise<DocFailure | null> {
  if (!url.startsWith('file:')) return null;
  if (probe.firefox) return { reason: 'file-unsupported' };
  if (!(await probe.switchOn().catch(() => false))) return { reason: 'file-access' };
  if (!(await probe.hasPermission().catch(() => false))) return { reason: 'file-permission' };
  return null;
}

/** Chromium's page for Moonlit, where "Allow access to file URLs" is. */
export const extensionSettingsUrl = (id = browser.runtime.id) => `chrome://extensions/?id=${id}`;
