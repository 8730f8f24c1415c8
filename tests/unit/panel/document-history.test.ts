import { describe, expect, it, vi } from 'vitest';
import { askParts, filesOfItems, recordTurnFiles, sizeParts } from '../../../utils/panel/document-history';
import { addTurn, emptyConversation } from '../../../utils/panel/conversation';
import type { AttachItem } from '../../../utils/panel/document-attach';

const ready = (name: string, text: string, extra: Partial<AttachItem> = {}): AttachItem => ({ id: name, name, status: 'ready', text, ...extra });

describe('attached files recorded with the conversation', () => {
  it('records name, kind and size of each file that goes with the question; failed ones are left out', () => {
    const items: AttachItem[] = [
      ready('notes.txt', 'abc', { file: new File(['abcdef'], 'notes.txt') }),
      ready('report.docx', 'docx text', { file: new File(['PK12345678'], 'report.docx') }),
      ready('paper.pdf', 'pdf text'),
      { id: 'i', name: 'Screenshot', status: 'image', dataUrl: 'data:image/png;base64,AAAA', bytes: new Uint8Array(40) },
      { id: 'f', name: 'broken.pdf', status: 'failed', failure: { reason: 'corrupt' } },
    ];
    const { files, keep } = filesOfItems(items);
    expect(files).toEqual([
      { name: 'notes.txt', kind: 'text', size: 6, kept: true },
      { name: 'report.docx', kind: 'office', size: 10, kept: true },
      { name: 'paper.pdf', kind: 'pdf', size: 8, kept: true },
      { name: 'Screenshot', kind: 'image', size: 40, kept: false },
    ]);
    expect(keep?.map((k) => k.name)).toEqual(['notes.txt', 'report.docx', 'paper.pdf']);
  });

  it('keeps texts while they fit the cap (UTF-8 bytes), in the order attached; a too-big one is marked', () => {
    const { files, keep } = filesOfItems([ready('a.txt', 'x'.repeat(6)), ready('big.txt', '汉'.repeat(3)), ready('c.txt', 'y')], 8);
    // '汉' is 3 bytes in UTF-8: 6 + 9 > 8, so big.txt is not kept; c.txt (1 byte) still fits.
    expect(files?.map((f) => [f.name, f.kept])).toEqual([
      ['a.txt', true],
      ['big.txt', false],
      ['c.txt', true],
    ]);
    expect(keep?.map((k) => k.name)).toEqual(['a.txt', 'c.txt']);
  });

  it('nothing attached: nothing recorded', () => {
    expect(filesOfItems([])).toEqual({});
  });

  it('puts the files on the new turn and saves the kept texts for the conversation', () => {
    const save = vi.fn(async () => undefined);
    const pair = addTurn(emptyConversation(), 'ask', 'What do the files say?');
    const files = [{ name: 'a.txt', kind: 'text' as const, size: 1, kept: true }];
    const [conv, turn] = recordTurnFiles('c1', pair, { files, keep: [{ name: 'a.txt', text: 'a' }] }, save);
    expect(turn.files).toEqual(files);
    expect(conv.turns.at(-1)?.files).toEqual(files);
    expect(save).toHaveBeenCalledWith('c1', [{ name: 'a.txt', text: 'a' }]);
    // A question without files: the turn has none, and the conversation's kept texts are cleared.
    const [, plain] = recordTurnFiles('c1', addTurn(conv, 'ask', 'And?'), {}, save);
    expect(plain.files).toBeUndefined();
    expect(save).toHaveBeenLastCalledWith('c1', []);
  });

  it('sends the worker only the parts of the request', () => {
    const parts = askParts({ attachments: [{ name: 'a', text: 'b' }], files: [{ name: 'a', kind: 'text', size: 1, kept: true }], keep: [] });
    expect(parts).toEqual({ attachments: [{ name: 'a', text: 'b' }] });
  });

  it('sizes in bytes, KB and MB', () => {
    expect(sizeParts(812, 'en')).toEqual({ key: 'fileSizeBytes', value: '812' });
    expect(sizeParts(14 * 1024, 'en')).toEqual({ key: 'fileSizeKb', value: '14' });
    expect(sizeParts(2.5 * 1024 * 1024, 'en')).toEqual({ key: 'fileSizeMb', value: '2.5' });
  });
});
