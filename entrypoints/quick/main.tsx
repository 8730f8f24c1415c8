import { render } from 'preact';
import { PanelApp } from '@/components/panel/panel-app';
import { applyDocumentLocale } from '@/utils/i18n';
import '@/components/theme.css';

// The toolbar popup, used only where the browser has no side panel.
applyDocumentLocale(document);
render(<PanelApp compact />, document.getElementById('app')!);
