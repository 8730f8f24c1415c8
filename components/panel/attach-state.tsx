import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getCachedText } from '@/utils/documents/doc-cache';
import { sha256Hex } from '@/utils/documents/hash';
import { sendMessage } from '@/utils/messaging/send';
import { modelsCacheItem, settingsItem } from '@/utils/storage/items';
import { useStoredValue } from '@/utils/ui/use-stored-value';
import { ocrInWorker } from '@/utils/panel/document-deps';
import { filesOfItems } from '@/utils/panel/document-history';
import { loadFileTexts } from '@/utils/history/file-texts';
import {
  acceptsImages,
  blocker,
  bytesOfDataUrl,
  extrasOf,
  imageItem,
  itemFromPrepared,
  newItemId,
  visionAlternative,
  type AttachItem,
} from '@/utils/panel/document-attach';
import { t, type MessageKey } from '@/utils/i18n';
import { questionModel } from '@/utils/panel/actions';
import type { AskExtras } from './use-panel-session';

const BLOCK_HINT: Record<NonNullable<ReturnType<typeof blocker>>, MessageKey> = {
  pending: 'attachNotReady',
  consent: 'attachNeedsConsent',
  vision: 'attachNeedsVision',
};

/** Text Kimi already extracted from these bytes earlier: no consent or upload needed again. */
async function fromCache(item: AttachItem): Promise<AttachItem> {
  if (item.status !== 'needs-upload' || !item.bytes) return item;
  const hit = await getCachedText(await sha256Hex(item.bytes)).catch(() => null);
  return hit ? { ...item, status: 'ready', text: hit.text, bytes: undefined } : item;
}

/** Which model the next question goes to (questionModel): an image is checked against it, and switched where it was chosen. */
export interface AttachModel {
  /** The waiting action's own model. */
  action?: string;
  /** The conversation's choice (the Model control). */
  chosen?: string;
  /** "Use a model that sees images": the user picked `model` in the notice. */
  onSwitch(model: string): void;
}

/**
 * The files and images attached to the panel's questions. They stay attached
 * (follow-up questions see them too) until removed; whatever goes wrong with
 * one of them is shown on it and never touches the conversation.
 */
export function useAttachments(setAskExtras: (extras: AskExtras) => void, convId: string | undefined, to: AttachModel) {
  const [items, setItems] = useState<AttachItem[]>([]);
  const [hint, setHint] = useState('');
  /** The browser's own words when a capture failed, under "Details". */
  const [captureDetail, setCaptureDetail] = useState('');
  const settings = useStoredValue(settingsItem);
  const models = useStoredValue(modelsCacheItem)?.models ?? [];
  const model = questionModel(to.action, to.chosen, settings?.model);
  const imagesOk = acceptsImages(model, models);
  const live = useRef(items);
  live.current = items;

  const patch = useCallback((id: string, next: Partial<AttachItem> | ((i: AttachItem) => AttachItem)) => {
    setItems((all) => all.map((i) => (i.id === id ? (typeof next === 'function' ? next(i) : { ...i, ...next }) : i)));
  }, []);

  useEffect(() => setAskExtras({ ...extrasOf(items), ...filesOfItems(items) }), [items, setAskExtras]);

  // A conversation shown again (panel reopened, or picked from history): the texts kept with it are attached again.
  useEffect(() => {
    if (!convId) return;
    let live = true;
    void loadFileTexts(convId).then(
      (kept) => {
        if (!live || !kept.length) return;
        setItems((all) => [
          ...all,
          ...kept
            .filter((k) => !all.some((i) => i.name === k.name && i.text === k.text))
            .map((k): AttachItem => ({ id: newItemId(), name: k.name, status: 'ready', text: k.text, restored: true })),
        ]);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [convId]);

  const readFile = useCallback(
    async (id: string, file: File, password?: string) => {
      patch(id, { status: 'reading', failure: undefined });
      // Loaded on first use: pdf.js and the decoders stay out of the panel's first load.
      const { prepareAttachments } = await import('@/utils/documents/attachments');
      const [prepared] = await prepareAttachments([file], password ? { passwords: { [file.name]: password } } : {});
      const item = await fromCache(itemFromPrepared(id, prepared, file));
      patch(id, () => item);
    },
    [patch],
  );

  const addFiles = useCallback(
    (files: readonly File[]) => {
      setHint('');
      const added = files.map((file) => ({ id: newItemId(), name: file.name, status: 'reading' as const, file }));
      setItems((all) => [...all, ...added]);
      // One after another: a few 100 MB files at once would hold them all in memory.
      void added.reduce(
        (chain, a) =>
          chain.then(() => readFile(a.id, a.file).catch((err) => patch(a.id, { status: 'failed', failure: { reason: 'corrupt', detail: String(err) } }))),
        Promise.resolve(),
      );
    },
    [readFile, patch],
  );

  /** Attaches an image (a screenshot, or one cut from the page by a menu click); returns its item's id. */
  const addImage = useCallback((bytes: Uint8Array, name: string): string => {
    const item = imageItem({ id: newItemId(), name, status: 'image' }, bytes);
    setItems((all) => [...all, item]);
    return item.id;
  }, []);

  const addScreenshot = useCallback(
    async (tabId: number) => {
      setHint('');
      setCaptureDetail('');
      const shot = await sendMessage('panel→bg:capture', { tabId }).catch((err: unknown) => ({ ok: false as const, detail: String(err) }));
      if (!shot.ok) {
        setHint(t('attachCaptureFailed'));
        setCaptureDetail(shot.detail);
        return;
      }
      addImage(bytesOfDataUrl(shot.dataUrl), t('attachScreenshotName'));
    },
    [addImage],
  );

  /** After the user agreed: Kimi's file-extract for each file waiting for it (and, for `images`, the images). */
  const upload = useCallback(
    async (images = false) => {
      setHint('');
      const todo = live.current.filter((i) => i.bytes && (i.status === 'needs-upload' || (images && i.status === 'image')));
      for (const item of todo) {
        patch(item.id, { status: 'uploading' });
        const done = await ocrInWorker(item.bytes!, item.name);
        patch(
          item.id,
          done.ok
            ? { status: 'ready', text: done.text, bytes: undefined, dataUrl: undefined }
            : { status: 'failed', failure: done.failure, kimiFailure: done.kimiFailure },
        );
      }
    },
    [patch],
  );

  const remove = useCallback((id: string) => setItems((all) => all.filter((i) => i.id !== id)), []);

  /** True when the question may go; otherwise says why (and the notice above shows the way out). */
  const canSend = useCallback((): boolean => {
    const why = blocker(live.current, imagesOk);
    setHint(why ? t(BLOCK_HINT[why]) : '');
    return !why;
  }, [imagesOk]);

  const switchModel = (next: string) => {
    to.onSwitch(next);
    setHint('');
  };

  return {
    items,
    hint,
    captureDetail,
    imagesOk,
    model,
    vision: visionAlternative(model, models),
    addFiles,
    addImage,
    addScreenshot,
    upload,
    remove,
    canSend,
    switchModel,
    readFile,
  };
}

export type Attachments = ReturnType<typeof useAttachments>;
