// Clicking a button, filling a text field and picking from a list in Firefox in one round trip. Puppeteer's ARIA locator asks Firefox's
// accessibility tree over BiDi and then types or clicks through several more calls: about 0.3 CPU-seconds per
// action, 0.6 per question asked, the largest share of Firefox's cost in the end-to-end suites. Here the page finds
// the control itself (role and accessible name as HTML-AAM computes them for these simple controls) and a real
// mouse click goes through BiDi's input actions, so the click still counts as the user's (permission requests).
// Whenever the page does not find exactly one such control, visible, enabled and not covered, the caller falls back
// to the ARIA locator, which waits and asks the accessibility tree: the fast path never changes what is clicked.
import type { Page } from 'puppeteer-core';
import { pageScript } from './ui-driver';

type Kind = 'button' | 'textbox' | 'combobox';

interface Found {
  /** The centre of the control in the viewport (after scrolling it into view), for the mouse. */
  x: number;
  y: number;
}

/**
 * In the page: the one visible, enabled control of `kind` named `name`, scrolled into view; null when there is
 * none or more than one, or something else is on top of it. With `value`, a text field is focused and given it
 * (input and change events, as Playwright's and Puppeteer's fill do) instead.
 */
async function inPage({ kind, name, value }: { kind: Kind; name: string; value?: string }): Promise<Found | 'filled' | null> {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const hidden = (el: Element) => el.closest('[aria-hidden="true"], [hidden], [inert]') !== null || el.getClientRects().length === 0;
  // The text of a subtree as an accessible name takes it: hidden parts left out, images by their alt.
  const text = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
    if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true' || (node instanceof HTMLElement && node.hidden)) return '';
    if (node instanceof HTMLImageElement) return node.alt;
    if (node.hasAttribute('aria-label')) return node.getAttribute('aria-label') ?? '';
    if (getComputedStyle(node).display === 'none') return '';
    return [...node.childNodes].map(text).join('');
  };
  const nameOf = (el: HTMLElement): string => {
    const by = el.getAttribute('aria-labelledby');
    if (by)
      return norm(
        by
          .split(/\s+/)
          .map((id) => text(document.getElementById(id) ?? document.createElement('i')))
          .join(' '),
      );
    const label = el.getAttribute('aria-label');
    if (label && norm(label)) return norm(label);
    if (kind !== 'button') {
      const labels = (el as HTMLInputElement).labels;
      if (labels?.length) return norm([...labels].map(text).join(' '));
      return norm(el.title || (el as HTMLInputElement).placeholder || '');
    }
    return norm(text(el)) || norm(el.title);
  };
  const selector = {
    button: 'button, [role="button"], input[type="button"], input[type="submit"], input[type="reset"]',
    textbox:
      'textarea, input:not([type]), input[type="text"], input[type="search"], input[type="url"], input[type="email"], input[type="tel"], input[type="password"], [role="textbox"]',
    // A single-choice <select> only: a listbox or a custom combobox goes to the ARIA locator.
    combobox: 'select:not([multiple]):not([size])',
  }[kind];
  const matches = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    const role = el.getAttribute('role');
    return (!role || role === kind) && !hidden(el) && nameOf(el) === name;
  });
  if (matches.length !== 1) return null;
  const el = matches[0];
  if ((el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true' || (el as HTMLInputElement).readOnly) return null;
  if (kind === 'combobox') {
    // As Puppeteer's select(): the option with that value chosen, then input and change.
    const select = el as HTMLSelectElement;
    if (![...select.options].some((o) => o.value === value && !o.disabled)) return null;
    select.value = value ?? '';
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return 'filled';
  }
  if (value !== undefined) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return null;
    el.focus();
    if (el.value !== value) {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return 'filled';
  }
  el.scrollIntoView({ block: 'center', inline: 'center' });
  // Where it stays for two frames, as Puppeteer's locator waits: a control still moving would be missed.
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  let r = el.getBoundingClientRect();
  for (let tries = 0; ; tries++) {
    await frame();
    const now = el.getBoundingClientRect();
    if (now.x === r.x && now.y === r.y && now.width === r.width && now.height === r.height) break;
    if (tries > 20 || !el.isConnected) return null;
    r = now;
  }
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const top = document.elementFromPoint(x, y);
  return top && (top === el || el.contains(top)) ? { x, y } : null;
}

/** Clicks the button named `name` with the mouse; false when the page did not find exactly one to click. */
export async function quickClick(page: Page, name: string): Promise<boolean> {
  const found = (await page.evaluate(pageScript(inPage as (a: never) => unknown, { kind: 'button', name }))) as Found | null;
  if (!found) return false;
  await page.mouse.click(found.x, found.y);
  return true;
}

/** Picks the option `value` in the list named `name`; false when the page did not find exactly one such list and option. */
export async function quickSelect(page: Page, name: string, value: string): Promise<boolean> {
  return (await page.evaluate(pageScript(inPage as (a: never) => unknown, { kind: 'combobox', name, value }))) === 'filled';
}

/** Gives the text field named `name` the value `value`; false when the page did not find exactly one. */
export async function quickFill(page: Page, name: string, value: string): Promise<boolean> {
  return (await page.evaluate(pageScript(inPage as (a: never) => unknown, { kind: 'textbox', name, value }))) === 'filled';
}
