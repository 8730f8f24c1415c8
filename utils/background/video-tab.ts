import { browser } from 'wxt/browser';
import type { ExtractResult, VideoChoice } from '../messaging/types';
import { settingsItem } from '../storage/items';
import { callVideoReader, videoReaderSlot } from '../video/reader-slot';
import { choiceOfReading, videoKey } from '../video/read-video';
import type { VideoRef } from '../video/video-url';
import { parseVideoReply } from './video-reply';

/**
 * Reads the video tab `tabId` shows (`ref`, from the tab's address): the video reader is injected into the
 * page's isolated world (activeTab) and called with the track to read. A track picked before, or title-only,
 * is carried in the reading the panel holds (`known`), so a question's check reads the same way.
 */
export async function readVideoTab(tabId: number, url: string, ref: VideoRef, known?: string, choice?: VideoChoice): Promise<ExtractResult> {
  // Only a reading of this very video says how to read it (after in-page navigation the panel holds the last one's).
  const how = choice ?? (known?.startsWith(`video:${videoKey(ref)}:`) ? choiceOfReading(known) : {});
  const answerLanguage = await settingsItem
    .getValue()
    .then((s) => (s.answerLanguage === 'auto' ? browser.i18n.getUILanguage() : s.answerLanguage))
    .catch(() => 'en');
  const opts = { answerLanguage, ...how, ...(known ? { known } : {}) };
  const slot = videoReaderSlot(browser.runtime.getManifest().version);
  let raw = await callIn(tabId, slot, opts).catch(() => null);
  if (raw == null) {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/video-reader.js'] });
    raw = await callIn(tabId, slot, opts);
  }
  return parseVideoReply(raw, url, ref);
}

async function callIn(tabId: number, slot: string, opts: Parameters<typeof callVideoReader>[1]): Promise<unknown> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, func: callVideoReader, args: [slot, opts] });
  return first?.result ?? null;
}
