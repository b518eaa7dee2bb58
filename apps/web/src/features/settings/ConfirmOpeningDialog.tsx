import { AlertDialog, Button, Flex, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../lib/list-format';
import type { OpeningConsequences } from './opening-consequences';

interface ConfirmOpeningDialogProps {
  consequences: OpeningConsequences | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Shows what a change that opens attribution does, and asks the admin to confirm it. */
export function ConfirmOpeningDialog({ consequences, onConfirm, onCancel }: ConfirmOpeningDialogProps) {
  const { t, i18n } = useTranslation();
  const { mode, k } = consequences ?? { mode: null, k: null };
  const list = (items: readonly string[]) => formatList(items, i18n.language);
  return (
    <AlertDialog.Root
      open={consequences !== null}
      onOpenChange={(isOpen) => (isOpen ? undefined : onCancel())}
    >
      <AlertDialog.Content maxWidth="520px">
        <AlertDialog.Title>{t('settings.opening.title')}</AlertDialog.Title>
        <AlertDialog.Description size="2">{t('settings.opening.earlier')}</AlertDialog.Description>
        <Flex direction="column" gap="2" mt="3">
          {mode ? (
            <Text as="p" size="2">
              {t('settings.opening.mode', {
                from: t(`attribution.${mode.from}.name`),
                to: t(`attribution.${mode.to}.name`),
                who: list(mode.newlySeeing.map((role) => t(`settings.opening.roles.${role}`))),
              })}
            </Text>
          ) : null}
          {k ? (
            <Text as="p" size="2">
              {k.newlyNamed.length > 0
                ? t('settings.opening.kNames', { from: k.from, to: k.to, groups: list(k.newlyNamed) })
                : t('settings.opening.k', { from: k.from, to: k.to })}
            </Text>
          ) : null}
          {mode ? (
            <Text as="p" size="2">
              {t('settings.opening.told')}
            </Text>
          ) : null}
        </Flex>
        <Flex gap="3" mt="4" justify="end">
          <AlertDialog.Cancel>
            <Button variant="soft" color="gray">
              {t('common.cancel')}
            </Button>
          </AlertDialog.Cancel>
          <AlertDialog.Action>
            <Button onClick={onConfirm}>{t('settings.opening.confirm')}</Button>
          </AlertDialog.Action>
        </Flex>
      </AlertDialog.Content>
    </AlertDialog.Root>
  );
}
