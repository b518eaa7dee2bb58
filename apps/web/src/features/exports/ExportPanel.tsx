import {
  type ConsultationDetail,
  DEFAULT_LANGUAGE,
  type ExportFormat,
  EXPORT_FORMATS,
  isLanguage,
  LANGUAGE_NAMES,
  type Language,
  mayExportNames,
  NO_PDF_LANGUAGES,
} from '@cw/shared';
import { Button, Card, Checkbox, Flex, Heading, Progress, RadioGroup, Text } from '@radix-ui/themes';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { downloadExport, type ExportProgress, saveFile } from './download-export';

const ALL_SESSIONS = '';

/** Chooses an export and downloads it, showing how much has arrived. */
export function ExportPanel({ consultation }: { consultation: ConsultationDetail }) {
  const { t, i18n } = useTranslation();
  const formatLegendId = useId();
  const [format, setFormat] = useState<ExportFormat>('summary-docx');
  const [sessionId, setSessionId] = useState(ALL_SESSIONS);
  const [includeNames, setIncludeNames] = useState(false);
  // The file is in the app's language unless another is chosen for it.
  const [language, setLanguage] = useState<Language>(() =>
    isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE,
  );
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  // The results cover the whole consultation and name no one: no session, no names.
  const isResults = format.startsWith('results-');
  const mayIncludeNames = !isResults && mayExportNames(consultation.attributionMode, consultation.role);
  // The server lays PDF out in neither Arabic nor Chinese: say so before it is asked.
  const isPdfUnavailable = format.endsWith('-pdf') && NO_PDF_LANGUAGES.includes(language);

  // Leaving the page cancels a download in progress.
  useEffect(() => () => running.current?.abort(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const controller = new AbortController();
    running.current = controller;
    setIsBusy(true);
    setError(null);
    setSavedAs(null);
    setProgress(null);
    try {
      const file = await downloadExport(
        consultation.id,
        {
          format,
          sessionId: isResults ? undefined : sessionId || undefined,
          includeNames: mayIncludeNames && includeNames,
          language,
        },
        setProgress,
        controller.signal,
      );
      saveFile(file);
      setSavedAs(file.filename);
    } catch (failure) {
      if (!controller.signal.aborted) setError(failure);
    } finally {
      if (running.current === controller) running.current = null;
      setIsBusy(false);
    }
  }

  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 0,
    }).format(Math.ceil(bytes / 1024));
  const progressText = !progress
    ? t('exports.progress.preparing')
    : progress.unit === 'rows'
      ? t('exports.progress.rows', { done: progress.done, total: progress.total ?? 0 })
      : progress.total !== null
        ? t('exports.progress.bytes', { done: size(progress.done), total: size(progress.total) })
        : t('exports.progress.bytesSoFar', { done: size(progress.done) });
  const percent =
    progress && progress.total
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : undefined;

  return (
    <Card>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Flex direction="column" gap="4">
          <Heading as="h2" size="5">
            {t('exports.formTitle')}
          </Heading>
          <Flex direction="column" gap="2">
            <Text as="div" size="2" weight="medium" id={formatLegendId}>
              {t('exports.format.legend')}
            </Text>
            <RadioGroup.Root
              value={format}
              onValueChange={(value) => setFormat(value as ExportFormat)}
              aria-labelledby={formatLegendId}
            >
              {EXPORT_FORMATS.map((option) => (
                <RadioGroup.Item key={option} value={option}>
                  <Flex direction="column">
                    <Text size="2" weight="medium">
                      {t(`exports.format.${option}.label`)}
                    </Text>
                    <Text size="1" color="gray" highContrast>
                      {t(`exports.format.${option}.hint`)}
                    </Text>
                  </Flex>
                </RadioGroup.Item>
              ))}
            </RadioGroup.Root>
          </Flex>
          {isResults ? null : (
            <FormField label={t('exports.session.label')} hint={t('exports.session.hint')}>
              {(control) => (
                <select
                  {...control}
                  className="native-select"
                  value={sessionId}
                  onChange={(event) => setSessionId(event.target.value)}
                >
                  <option value={ALL_SESSIONS}>{t('exports.session.all')}</option>
                  {consultation.sessions
                    .filter((session) => session.kind === 'review')
                    .map((session) => (
                      <option key={session.id} value={session.id}>
                        {session.title}
                      </option>
                    ))}
                </select>
              )}
            </FormField>
          )}
          <FormField label={t('exports.language.label')} hint={t('exports.language.hint')}>
            {(control) => (
              <select
                {...control}
                className="native-select"
                value={language}
                onChange={(event) => setLanguage(event.target.value as Language)}
              >
                {LANGUAGE_NAMES.map(([code, name]) => (
                  <option key={code} value={code} lang={code}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {isPdfUnavailable ? (
            <Text as="p" size="2" color="red">
              {t('exports.language.noPdf')}
            </Text>
          ) : null}
          {mayIncludeNames ? (
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Checkbox
                  checked={includeNames}
                  onCheckedChange={(checked) => setIncludeNames(checked === true)}
                />
                {t('exports.includeNames')}
              </Flex>
            </Text>
          ) : (
            <Text as="p" size="2" color="gray" highContrast>
              {t('exports.noNames')}
            </Text>
          )}
          <Flex gap="3" align="center" wrap="wrap">
            <Button type="submit" loading={isBusy} disabled={isPdfUnavailable}>
              {t('exports.submit')}
            </Button>
            {isBusy ? (
              <Button type="button" variant="soft" color="gray" onClick={() => running.current?.abort()}>
                {t('exports.cancel')}
              </Button>
            ) : null}
          </Flex>
          {isBusy ? (
            <Flex direction="column" gap="1">
              <Progress
                aria-label={t('exports.progress.label')}
                {...(percent === undefined ? {} : { value: percent })}
              />
              <Text size="2">{progressText}</Text>
            </Flex>
          ) : null}
          <div role="status" className="status-text">
            {savedAs ? t('exports.saved', { filename: savedAs }) : null}
          </div>
          <FormAlert error={error} />
        </Flex>
      </form>
    </Card>
  );
}
