import { render } from 'preact';
import { OptionsApp } from '@/components/options/options-app';
import { applyDocumentLocale } from '@/utils/i18n';
import '@/components/theme.css';

applyDocumentLocale(document);
render(<OptionsApp />, document.getElementById('app')!);
