import { Window as HappyWindow } from 'happy-dom';

/** A happy-dom page at `url` with `body` as its body, typed as the DOM the adapters take. */
export function makePage(url: string, body: string, title = 'Page') {
  const win = new HappyWindow({ url });
  win.document.title = title;
  win.document.body.innerHTML = body;
  return { doc: win.document as unknown as Document, win: win as unknown as Window, url: new URL(url) };
}
