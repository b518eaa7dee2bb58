import { Button, Callout, Flex, Link as ThemeLink } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorCallout } from '../../ui/ErrorCallout';
import { useRestoreVersion } from './useVersions';

interface RestoreVersionControlProps {
  consultationId: string;
  versionId: string;
  versionName: string;
}

/** Restores a version after asking, then says what changed and where the paper as it was went. */
export function RestoreVersionControl({
  consultationId,
  versionId,
  versionName,
}: RestoreVersionControlProps) {
  const { t } = useTranslation();
  const restore = useRestoreVersion(consultationId, versionId);
  const result = restore.data;
  return (
    <Flex direction="column" gap="2" align="start">
      <ConfirmDialog
        trigger={
          <Button variant="soft" disabled={restore.isPending}>
            {t('versions.restore.action')}
          </Button>
        }
        title={t('versions.restore.title', { name: versionName })}
        description={t('versions.restore.description')}
        confirmLabel={t('versions.restore.confirm')}
        onConfirm={() => restore.mutate()}
      />
      {restore.error ? <ErrorCallout error={restore.error} /> : null}
      {result ? (
        <Callout.Root color="green" role="status">
          <Callout.Text>
            {t('versions.restore.done', {
              count: result.sectionsRestored,
              unchanged: result.sectionsUnchanged,
            })}{' '}
            {result.sectionsNotInVersion > 0
              ? `${t('versions.restore.notInVersion', { count: result.sectionsNotInVersion })} `
              : null}
            {result.sectionsNoLongerInPaper > 0
              ? `${t('versions.restore.noLongerInPaper', { count: result.sectionsNoLongerInPaper })} `
              : null}
            <ThemeLink asChild>
              <Link to={`../${result.savedAs.id}`} relative="path">
                {t('versions.restore.savedAs', { name: result.savedAs.name })}
              </Link>
            </ThemeLink>
          </Callout.Text>
        </Callout.Root>
      ) : null}
    </Flex>
  );
}
