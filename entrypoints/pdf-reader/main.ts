import { showPdfText } from '@/utils/documents/reader-page';
import { applyDocumentLocale } from '@/utils/i18n';

applyDocumentLocale(document);
void showPdfText(document, new URL(location.href).searchParams.get('src') ?? '');
