import { describe, expect, it } from 'vitest';
import { documentWaits, pendingVerdict } from '../../../utils/panel/document-pending';
import type { AttachItem } from '../../../utils/panel/document-attach';

const item = (id: string, status: AttachItem['status']): AttachItem => ({ id, name: `${id}.txt`, status });
const ready = { state: 'ready' };
const doc = (step: string) => ({ state: 'document', doc: { step } });

describe('a question waiting for the document or the attached files', () => {
  it('waits while a PDF asks for its password or for consent to recognition', () => {
    expect(documentWaits(doc('password'))).toBe(true);
    expect(documentWaits(doc('consent'))).toBe(true);
    expect(documentWaits(doc('failed'))).toBe(false);
    expect(pendingVerdict(doc('password'), [], false)).toBe('wait');
    expect(pendingVerdict(doc('consent'), [], false)).toBe('wait');
    // Reading the PDF again after the password or the consent: still waiting.
    expect(pendingVerdict({ state: 'reading' }, [], false)).toBe('wait');
  });

  it('goes once the page is ready and no file is still read or waiting for consent', () => {
    expect(pendingVerdict(ready, [item('a', 'needs-upload')], false)).toBe('wait');
    expect(pendingVerdict(ready, [item('a', 'uploading')], false)).toBe('wait');
    expect(pendingVerdict(ready, [item('a', 'reading')], false)).toBe('wait');
    expect(pendingVerdict(ready, [item('a', 'image')], false)).toBe('wait'); // a text-only model: pick a way first
    expect(pendingVerdict(ready, [item('a', 'image')], true)).toBe('send');
    expect(pendingVerdict(ready, [item('a', 'ready')], false)).toBe('send');
    expect(pendingVerdict(ready, [], false)).toBe('send');
  });

  it('gives the question back when the document or a file it waited for failed', () => {
    expect(pendingVerdict(doc('failed'), [], false)).toBe('give-back');
    expect(pendingVerdict({ state: 'failed' }, [], false)).toBe('give-back');
    expect(pendingVerdict(ready, [item('a', 'failed'), item('b', 'ready')], false)).toBe('give-back');
    // A file that had failed before the question was sent is simply left out, as when sending at once.
    expect(pendingVerdict(ready, [item('a', 'failed'), item('b', 'ready')], false, new Set(['a']))).toBe('send');
  });
});
