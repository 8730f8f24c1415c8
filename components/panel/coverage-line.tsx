import { useMemo } from 'preact/hooks';
import type { PageContent } from '@/utils/sources/types';
import { modelsCacheItem, settingsItem } from '@/utils/storage/items';
import { useStoredValue } from '@/utils/ui/use-stored-value';
import { approx, pageCoverage } from '@/utils/panel/coverage';
import { saveSettingFromPanel } from '@/utils/panel/save-status';
import { t, uiLanguage } from '@/utils/i18n';

/** Says how much of the page Kimi will read — and, when it won't fit, what the user can do. */
export function CoverageLine(props: {
  page: PageContent;
  /** Read the page in parts: 'answer' answers the question being typed, 'summary' summarises. Unset while busy. */
  onParts?: (kind: 'answer' | 'summary') => void;
  /** A question is typed in the box, so it can be answered in parts. */
  question?: boolean;
  /** The panel's Model control: the next question goes to this model, so its window decides. */
  chosenModel?: string;
  /** Switches this conversation's model (the Model control's choice), leaving the saved default alone. */
  onUseModel?: (model: string) => void;
}) {
  const settings = useStoredValue(settingsItem);
  const cache = useStoredValue(modelsCacheItem);
  const models = cache?.models ?? [];
  const model = props.chosenModel || settings?.model || '';
  const coverage = useMemo(() => (model ? pageCoverage(props.page, model, models) : null), [props.page, model, models]);
  if (!coverage || !settings) return null;
  const n = approx(coverage.tokens, uiLanguage());
  if (coverage.fits) {
    const key = props.page.selection ? 'coverageSelection' : props.page.video ? 'videoCoverageAll' : 'coverageAll';
    return (
      <p class="coverage" data-fits="true">
        {t(key, n)}
      </p>
    );
  }
  return (
    <div class="notice coverage" data-fits="false" role="status">
      <p class="notice-title">{t('coverageTooLong', n, coverage.model, approx(coverage.limit, uiLanguage()))}</p>
      <p>{t(props.onParts ? 'coverageChoicesParts' : 'coverageChoices')}</p>
      {coverage.larger && (
        <button
          type="button"
          onClick={() =>
            props.onUseModel
              ? props.onUseModel(coverage.larger!)
              : void saveSettingFromPanel(() => settingsItem.setValue({ ...settings, model: coverage.larger! }))
          }
        >
          {t('coverageUseLarger', coverage.larger)}
        </button>
      )}
      {props.onParts && props.question && (
        <button type="button" onClick={() => props.onParts!('answer')}>
          {t('coverageAnswerParts')}
        </button>
      )}
      {props.onParts && (
        <button type="button" onClick={() => props.onParts!('summary')}>
          {t('coverageSummarizeParts')}
        </button>
      )}
    </div>
  );
}
