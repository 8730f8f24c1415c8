import { browser } from 'wxt/browser';
import type { MessageName, ProtocolMap, Reply } from './protocol';

/** Typed runtime.sendMessage. */
export function sendMessage<N extends MessageName>(name: N, data: ProtocolMap[N]['req']): Promise<Reply<N>> {
  return browser.runtime.sendMessage({ name, data }) as Promise<Reply<N>>;
}
