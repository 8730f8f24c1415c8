import { Component } from 'preact';
import type { JSX } from 'preact';
import { MarkdownStream } from '@/utils/markdown/incremental';
import type { Block, StreamUpdate } from '@/utils/markdown/incremental';
import { t } from '@/utils/i18n';
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
  private tail: StreamUpdate | null = null;
  /** Rendering this answer threw where no block could catch it: the whole answer is shown as text. */
  private failed = false;
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

  /** The answer's error boundary: a throw in any block's lifecycle ends here, not in the panel. */
  componentDidCatch(): void {
    this.failed = true;
    this.cancel();
    this.forceUpdate();
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
    if (this.failed) return;
    let update: StreamUpdate;
    try {
      update = this.stream.update(props.text, !props.streaming);
    } catch {
      this.failed = true;
      return;
    }
    if (update.reset) this.revs = this.revs.map((rev) => rev + 1);
    for (const i of update.changed) {
      const g = Math.floor(i / GROUP_SIZE);
      this.revs[g] = (this.revs[g] ?? 0) + 1;
    }
    this.revs.length = Math.ceil(update.blocks.length / GROUP_SIZE);
    this.blocks = update.blocks;
    this.tail = update.tailHtml === null ? null : update;
    this.seq++;
    if (!update.tailPending) this.noteMath(update); // the tail's HTML is new
  }

  private noteMath(update: StreamUpdate): void {
    if (update.tailHtml?.includes('data-tex') && !loadedKatex() && !this.mathWait) {
      this.mathWait = true;
      void loadKatex().then(() => this.props.streaming && this.requestFrame());
    }
  }

  render(): JSX.Element {
    const groups = this.revs.map((rev, g) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: a group is its position (blocks g*GROUP_SIZE on); groups are only appended.
      <BlockGroup key={g} blocks={this.blocks} start={g * GROUP_SIZE} rev={rev} cites={this.props.cites} />
    ));
    const cls = this.props.class ? `md ${this.props.class}` : 'md';
    if (this.failed) {
      return (
        <div class={cls}>
          <div class="md-raw" title={t('mdRawBlock')}>
            {this.props.text}
          </div>
        </div>
      );
    }
    const tail = this.tail;
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: one delegated listener for the copy buttons inside, which are real buttons.
      // biome-ignore lint/a11y/useKeyWithClickEvents: the copy buttons inside are real buttons, keyboard included.
      <div class={cls} onClick={onCopyClick}>
        {groups}
        {tail && (
          <TailView
            key="tail"
            html={tail.tailHtml ?? ''}
            source={tail.tailSource}
            failed={tail.tailFailed}
            pending={tail.tailPending}
            seq={this.seq}
            cites={this.props.cites}
          />
        )}
      </div>
    );
  }
}

export function MarkdownView(props: Props): JSX.Element {
  return <MarkdownStreamView {...props} />;
}
