import { render } from 'preact';
import { PanelApp } from '@/components/panel/panel-app';
import { applyDocumentLocale } from '@/utils/i18n';
import '@/components/theme.css';

applyDocumentLocale(document);
render(<PanelApp />, document.getElementById('app')!);
