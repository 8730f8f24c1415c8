import { Component } from 'preact';
import type { Block } from '@/utils/markdown/incremental';
import { pendingMath, rawFragment, safeFragment, upgradeMath } from './decorate';
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
    const doc = el.ownerDocument;
    el.replaceChildren(block.failed ? rawFragment(block.raw, doc) : safeFragment(block.html, block.raw, doc, false, this.props.cites));
    // Math shown as source until KaTeX arrives, then upgraded in place.
    if (pendingMath(el).length) {
      void loadKatex().then(() => {
        try {
          upgradeMath(el, doc.defaultView as Window);
        } catch {
          el.replaceChildren(rawFragment(block.raw, doc));
        }
      });
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

interface TailProps {
  html: string;
  /** The tail's source, shown as text when rendering it failed (`failed`) or building its DOM throws. */
  source: string;
  failed: boolean;
  /** Text that came after what html shows: plain text until the next render. */
  pending: string;
  seq: number;
  cites?: CiteContext;
}

/** The unsettled tail, rebuilt at most once per frame while streaming (and only when its HTML changed). */
export class TailView extends Component<TailProps> {
  private pendingNode: Text | null = null;
  shouldComponentUpdate(next: TailProps): boolean {
    const same = next.html === this.props.html && next.failed === this.props.failed;
    if (!same || next.seq !== this.props.seq) this.fill(next, same);
    return false;
  }
  componentDidMount(): void {
    this.fill(this.props, false);
  }
  private fill({ html, source, failed, pending, cites }: TailProps, same: boolean): void {
    const el = this.base as HTMLElement | undefined;
    if (!el) return;
    const doc = el.ownerDocument;
    // Rebuilt also while math waits for KaTeX (loaded since, it upgrades on this build).
    if (!same || !this.pendingNode || pendingMath(el).length) {
      noteRender('tail', 0);
      el.replaceChildren(failed ? rawFragment(source, doc) : safeFragment(html, source, doc, true, cites));
      this.pendingNode = doc.createTextNode('');
      el.append(this.pendingNode);
    }
    this.pendingNode.data = pending;
  }
  render() {
    return <div class="md-block md-tail" />;
  }
}
