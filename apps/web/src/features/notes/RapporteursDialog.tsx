import { mayBeRapporteur, type SessionRapporteur } from '@cw/shared';
import { Button, Checkbox, Dialog, Flex, Text } from '@radix-ui/themes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCallout, FormAlert } from '../../ui/ErrorCallout';
import { LoadingState } from '../../ui/LoadingState';
import { consultationKeys } from '../consultations/useConsultations';
import { fetchMembers, memberKeys } from '../members/api';
import { setRapporteurs } from './api';

/** Admins name who writes a session's notes: members who are reviewers, editors or admins. */
export function RapporteursDialog({
  consultationId,
  sessionId,
  sessionTitle,
  rapporteurs,
}: {
  consultationId: string;
  sessionId: string;
  sessionTitle: string;
  rapporteurs: readonly SessionRapporteur[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const members = useQuery({
    queryKey: memberKeys.list(consultationId),
    queryFn: () => fetchMembers(consultationId),
    enabled: isOpen,
  });
  const save = useMutation({
    mutationFn: () => setRapporteurs(consultationId, sessionId, { memberIds: selected }),
    onSuccess: async () => {
      setIsOpen(false);
      await queryClient.invalidateQueries({ queryKey: consultationKeys.detail(consultationId) });
    },
  });
  const toggle = (id: string, isChecked: boolean) =>
    setSelected((ids) => (isChecked ? [...ids, id] : ids.filter((selectedId) => selectedId !== id)));

  return (
    <Dialog.Root
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (open) {
          setSelected(rapporteurs.map((rapporteur) => rapporteur.memberId));
          save.reset();
        }
      }}
    >
      <Dialog.Trigger>
        <Button variant="soft" size="1">
          {t('notes.rapporteursDialog.open')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="480px">
        <Dialog.Title>{t('notes.rapporteursDialog.title', { title: sessionTitle })}</Dialog.Title>
        <Dialog.Description size="2" color="gray" highContrast>
          {t('notes.rapporteursDialog.description')}
        </Dialog.Description>
        {members.isPending ? <LoadingState /> : null}
        {members.error ? <ErrorCallout error={members.error} /> : null}
        {members.data ? (
          <fieldset className="plain-fieldset">
            <Text as="div" size="2" weight="medium" asChild>
              <legend>{t('notes.rapporteursDialog.legend')}</legend>
            </Text>
            <Flex direction="column" gap="1" mt="1">
              {members.data
                .filter((member) => mayBeRapporteur(member.role))
                .map((member) => (
                  <Text as="label" size="2" key={member.id}>
                    <Flex gap="2" align="center">
                      <Checkbox
                        checked={selected.includes(member.id)}
                        onCheckedChange={(checked) => toggle(member.id, checked === true)}
                      />
                      {t('notes.rapporteursDialog.member', {
                        name: member.name,
                        role: t(`roles.${member.role}`),
                      })}
                    </Flex>
                  </Text>
                ))}
            </Flex>
          </fieldset>
        ) : null}
        <FormAlert error={save.error} />
        <Flex gap="3" mt="4" justify="end">
          <Dialog.Close>
            <Button variant="soft" color="gray">
              {t('common.cancel')}
            </Button>
          </Dialog.Close>
          <Button disabled={!members.data || save.isPending} onClick={() => save.mutate()}>
            {t('common.save')}
          </Button>
        </Flex>
      </Dialog.Content>
    </Dialog.Root>
  );
}
