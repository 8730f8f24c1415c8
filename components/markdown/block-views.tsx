import { Component } from 'preact';
import type { Block } from '@/utils/markdown/incremental';
import { buildFragment, pendingMath, upgradeMath } from './decorate';
import { noteRender } from './frame';
import { loadKatex } from '@/utils/markdown/katex-loader';
import type { CiteContext } from './cite-links';

/**
 * One settled block. Preact renders an empty <div> once; its content is set directly
 * from the sanitised fragment and Preact never diffs it. The block only rebuilds when
 * the engine hands it a new Block (a late link definition), never on stream deltas.
 */
export class BlockView extends Component<{ block: Block; index: number; cites?: CiteContext }> {
  shouldComponentUpdate(next: { block: Block; index: number }): boolean {
    if (next.block !== this.props.block) this.fill(next.block, next.index, true);
    return false;
  }
  componentDidMount(): void {
    this.fill(this.props.block, this.props.index, false);
  }
  private fill(block: Block, index: number, again: boolean): void {
    const el = this.base as HTMLElement | undefined;
    if (!el) return;
    noteRender(again ? 'relink' : 'block', index);
    el.replaceChildren(buildFragment(block.html, el.ownerDocument, false, this.props.cites));
    // Math shown as source until KaTeX arrives, then upgraded in place.
    if (pendingMath(el).length) {
      void loadKatex().then(() => upgradeMath(el, el.ownerDocument.defaultView as Window));
    }
  }
  render() {
    return <div class="md-block" />;
  }
}

export const GROUP_SIZE = 32;

/** A run of blocks that re-renders only when one of its blocks changed, so a frame costs O(groups), not O(blocks). */
export class BlockGroup extends Component<{ blocks: readonly Block[]; start: number; rev: number; cites?: CiteContext }> {
  shouldComponentUpdate(next: { rev: number }): boolean {
    return next.rev !== this.props.rev;
  }
  render() {
    const { blocks, start } = this.props;
    const end = Math.min(start + GROUP_SIZE, blocks.length);
    const views = [];
    for (let i = start; i < end; i++) views.push(<BlockView key={i} index={i} block={blocks[i]} cites={this.props.cites} />);
    return <div class="md-group">{views}</div>;
  }
}

/** The unsettled tail, rebuilt at most once per frame while streaming. */
export class TailView extends Component<{ html: string; seq: number; cites?: CiteContext }> {
  shouldComponentUpdate(next: { html: string; seq: number }): boolean {
    if (next.html !== this.props.html || next.seq !== this.props.seq) this.fill(next.html);
    return false;
  }
  componentDidMount(): void {
    this.fill(this.props.html);
  }
  private fill(html: string): void {
    const el = this.base as HTMLElement | undefined;
    if (!el) return;
    noteRender('tail', 0);
    el.replaceChildren(buildFragment(html, el.ownerDocument, true, this.props.cites));
  }
  render() {
    return <div class="md-block md-tail" />;
  }
}
