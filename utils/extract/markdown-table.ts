import { blocks, oneLine, type MarkdownOptions } from './markdown';

/**
 * A data table becomes `| a | b |` rows. Tables used for layout (one column,
 * one row, or tables inside cells) are read as ordinary blocks instead, so
 * their text is not squeezed into one cell.
 */
export function renderTable(table: Element, o: MarkdownOptions): string {
  const rows = Array.from((table as HTMLTableElement).rows ?? []).filter((r) => r.closest('table') === table);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  if (rows.length < 2 || width < 2 || table.querySelector('table')) {
    return rows.length
      ? rows
          .map((r) => cellsAsBlocks(r, o))
          .filter(Boolean)
          .join('\n\n')
      : blocks(table, o);
  }
  const lines = rows.map((r) => {
    const cells = Array.from(r.cells, (c) => oneLine(blocks(c, o)).replace(/\|/g, '\\|'));
    while (cells.length < width) cells.push('');
    return `| ${cells.join(' | ')} |`;
  });
  lines.splice(1, 0, `|${' --- |'.repeat(width)}`);
  const caption = table.querySelector('caption');
  const title = caption ? oneLine(blocks(caption, o)) : '';
  return (title ? title + '\n\n' : '') + lines.join('\n');
}

function cellsAsBlocks(row: HTMLTableRowElement, o: MarkdownOptions): string {
  return Array.from(row.cells, (c) => blocks(c, o))
    .filter(Boolean)
    .join('\n\n');
}
