import { browser } from 'wxt/browser';
import { readLocalConnection, type LocalConnection } from './connection';
import { keyHintItem, modelsCacheItem, settingsItem } from '../storage/items';
import { onSecretChange } from '../storage/secret-store';

/**
 * The worker's reading of its settings, key, cached models and host permission (readLocalConnection),
 * kept between questions until one of them changes. A question's port opens at the first keystroke,
 * seconds before the click; reading storage and IndexedDB again at the click would put those round trips
 * (about 4 ms) before the request. Dropped on any change to the settings, the model list or the key
 * (secret-store.ts announces it), and on any permission change. Only a cache: a restarted worker reads again.
 */
let held: Promise<LocalConnection> | undefined;

export function heldConnection(read: () => Promise<LocalConnection> = readLocalConnection): Promise<LocalConnection> {
  if (held) return held;
  const reading = read();
  held = reading;
  reading.catch(() => {
    if (held === reading) held = undefined; // a failed reading is tried again by the next question
  });
  return reading;
}

export function dropHeldConnection(): void {
  held = undefined;
}

/** The storage.local keys the reading comes from (storage.onChanged names them without "local:"). */
const WATCHED = new Set([settingsItem, modelsCacheItem, keyHintItem].map((item) => item.key.replace(/^local:/, '')));

type Events = { storage: Pick<typeof browser.storage, 'onChanged'>; permissions: Pick<typeof browser.permissions, 'onAdded' | 'onRemoved'> };

/** Registered once at start-up, with the worker's other listeners. */
export function watchHeldConnection(events: Events = browser, onSecret = onSecretChange): void {
  events.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((k) => WATCHED.has(k))) dropHeldConnection();
  });
  for (const event of [events.permissions.onAdded, events.permissions.onRemoved]) {
    try {
      event.addListener(dropHeldConnection);
    } catch {
      // Test doubles without permission events (WXT's fake browser throws "not implemented").
    }
  }
  onSecret(dropHeldConnection);
}
