import { t, type MessageKey } from '../i18n';
import type { DocFailure, DocReason } from './types';

/** One message per reason: the single table the UI uses to explain a document failure. */
export const DOC_MESSAGES: Record<DocReason, MessageKey> = {
  'empty-file': 'docEmptyFile',
  'too-large': 'docTooLarge',
  'unsupported-type': 'docUnsupportedType',
  'wrong-extension': 'docWrongExtension',
  'binary-text': 'docBinaryText',
  corrupt: 'docCorrupt',
  'password-needed': 'docPasswordNeeded',
  'password-wrong': 'docPasswordWrong',
  'needs-ocr': 'docNeedsOcr',
  'ocr-empty': 'docOcrEmpty',
  'upload-failed': 'docUploadFailed',
  'fetch-failed': 'docFetchFailed',
  'fetch-status': 'docFetchStatus',
  'fetch-permission': 'docFetchPermission',
  'file-access': 'docFileAccessChrome',
  'file-permission': 'docFilePermission',
  'file-unsupported': 'docFileAccessFirefox',
  'not-pdf': 'docNotPdf',
  'unsupported-url': 'docUnsupportedUrl',
};

/** The user's-language sentence for a failure. */
export function documentMessage(failure: DocFailure): string {
  return t(DOC_MESSAGES[failure.reason], ...(failure.subs ?? []));
}

/** The reasons where the UI should show a password field and retry with `password`. */
export const asksForPassword = (reason: DocReason): boolean => reason === 'password-needed' || reason === 'password-wrong';

/** The consent line shown before a file is uploaded for text recognition. */
export const ocrConsentMessage = (filename: string): string => t('docOcrConsent', filename);
