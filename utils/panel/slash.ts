import type { Action } from '../actions/merge';

/**
 * A slash command being typed: `/` at the start of a one-line question, the word after it filters the actions,
 * and what follows the first space is the rest of the question.
 */
export function slashQuery(text: string): { query: string; rest: string } | null {
  if (!text.startsWith('/') || text.includes('\n')) return null;
  const space = text.search(/\s/);
  return space < 0 ? { query: text.slice(1), rest: '' } : { query: text.slice(1, space), rest: text.slice(space + 1).trim() };
}

/** Visible actions whose name contains the query (any case); those starting with it first. */
export function filterActions(actions: readonly Action[], query: string): Action[] {
  const q = query.toLocaleLowerCase();
  const shown = actions.filter((a) => !a.hidden && a.name.toLocaleLowerCase().includes(q));
  return [...shown.filter((a) => a.name.toLocaleLowerCase().startsWith(q)), ...shown.filter((a) => !a.name.toLocaleLowerCase().startsWith(q))];
}
