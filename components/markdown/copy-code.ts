import { t } from '@/utils/i18n';

const RESET_MS = 1500;

/** Delegated click handler for the Copy buttons that decorate code blocks. */
export function onCopyClick(event: Event): void {
  const target = event.target as Element | null;
  const button = target?.closest?.('button.md-copy') as HTMLButtonElement | null;
  if (!button) return;
  const code = button.closest('.md-code')?.querySelector('pre code');
  const text = code?.textContent ?? '';
  const win = button.ownerDocument.defaultView;
  const clipboard = win?.navigator.clipboard;
  const done = (ok: boolean) => {
    const label = t(ok ? 'mdCopied' : 'mdCopyFailed');
    button.textContent = label;
    button.setAttribute('aria-label', label);
    win?.setTimeout(() => {
      button.textContent = t('mdCopy');
      button.setAttribute('aria-label', t('mdCopyCode'));
    }, RESET_MS);
  };
  if (!clipboard) return done(false);
  clipboard.writeText(text).then(
    () => done(true),
    () => done(false),
  );
}
