/** What a turn records about the files attached to its question (shown again when the conversation is reopened). */
export interface TurnFile {
  name: string;
  kind: 'text' | 'pdf' | 'office' | 'image';
  /** Bytes of the file (of its text for a restored one). */
  size: number;
  /** Its text is kept with the conversation, so follow-ups after reopening still include it. */
  kept: boolean;
}

const KINDS = new Set<TurnFile['kind']>(['text', 'pdf', 'office', 'image']);

/** The valid entries of a stored `files` list; anything malformed is dropped rather than failing the conversation. */
export function cleanTurnFiles(raw: unknown): TurnFile[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const files = raw.filter(
    (f): f is TurnFile =>
      !!f &&
      typeof f === 'object' &&
      typeof f.name === 'string' &&
      KINDS.has(f.kind) &&
      typeof f.size === 'number' &&
      Number.isFinite(f.size) &&
      f.size >= 0 &&
      typeof f.kept === 'boolean',
  );
  return files.length ? files.map(({ name, kind, size, kept }) => ({ name, kind, size, kept })) : undefined;
}
