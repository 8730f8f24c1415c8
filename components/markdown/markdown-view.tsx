import { Component } from 'preact';
import type { JSX } from 'preact';
import { MarkdownStream } from '@/utils/markdown/incremental';
import type { Block } from '@/utils/markdown/incremental';
import { loadKatex, loadedKatex } from '@/utils/markdown/katex-loader';
import { BlockGroup, GROUP_SIZE, TailView } from './block-views';
import { onCopyClick } from './copy-code';
import { scheduleFrame } from './frame';
import type { CiteContext } from './cite-links';
import './markdown.css';

interface Props {
  text: string;
  streaming: boolean;
  class?: string;
  /** The passages this answer may cite; markers naming others are dropped. */
  cites?: CiteContext;
}

/**
 * The answer renderer. While streaming, the text prop may change on every delta but
 * the DOM changes at most once per animation frame; settled blocks are built once and
 * kept, and only the unsettled tail is re-lexed. When streaming stops it flushes at once.
 */
export class MarkdownStreamView extends Component<Props> {
  private stream = new MarkdownStream();
  private blocks: readonly Block[] = [];
  private revs: number[] = [];
  private tailHtml: string | null = null;
  private seq = 0;
  private cancelFrame: (() => void) | null = null;
  private mathWait = false;

  constructor(props: Props) {
    super(props);
    this.apply(props);
  }

  shouldComponentUpdate(next: Props): boolean {
    if (!next.streaming) {
      this.cancel();
      this.apply(next);
      return true;
    }
    if (next.text !== this.props.text || next.class !== this.props.class) this.requestFrame();
    return false;
  }

  componentWillUnmount(): void {
    this.cancel();
  }

  private requestFrame(): void {
    if (this.cancelFrame) return;
    const win = (this.base as Element | undefined)?.ownerDocument.defaultView ?? window;
    this.cancelFrame = scheduleFrame(() => {
      this.cancelFrame = null;
      this.apply(this.props);
      this.forceUpdate();
    }, win);
  }

  private cancel(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
  }

  /** Runs the engine on the latest text and records which block groups changed. */
  private apply(props: Props): void {
    const update = this.stream.update(props.text, !props.streaming);
    if (update.reset) this.revs = this.revs.map((rev) => rev + 1);
    for (const i of update.changed) {
      const g = Math.floor(i / GROUP_SIZE);
      this.revs[g] = (this.revs[g] ?? 0) + 1;
    }
    this.revs.length = Math.ceil(update.blocks.length / GROUP_SIZE);
    this.blocks = update.blocks;
    this.tailHtml = update.tailHtml;
    this.seq++;
    if (this.tailHtml?.includes('data-tex') && !loadedKatex() && !this.mathWait) {
      this.mathWait = true;
      void loadKatex().then(() => this.props.streaming && this.requestFrame());
    }
  }

  render(): JSX.Element {
    const groups = this.revs.map((rev, g) => (
      <BlockGroup key={g} blocks={this.blocks} start={g * GROUP_SIZE} rev={rev} cites={this.props.cites} />
    ));
    const cls = this.props.class ? `md ${this.props.class}` : 'md';
    return (
      <div class={cls} onClick={onCopyClick}>
        {groups}
        {this.tailHtml !== null && <TailView key="tail" html={this.tailHtml} seq={this.seq} cites={this.props.cites} />}
      </div>
    );
  }
}

export function MarkdownView(props: Props): JSX.Element {
  return <MarkdownStreamView {...props} />;
}
