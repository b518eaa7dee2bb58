import type { GuidingQuestion } from '@cw/shared';
import { AlertDialog, Button, Flex, Text } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-error';
import { FormAlert } from '../../ui/ErrorCallout';
import { consultationKeys } from '../consultations/useConsultations';
import { checkNotes, publishNotes } from './api';
import { NotesFindings } from './NotesFindings';

/**
 * Publishing a session's notes (editors): the check runs once more, and the editor confirms what
 * it finds — or that it finds nothing — before every member is told. Should the notes have gained
 * a finding meanwhile, the server refuses and the dialog shows the check again.
 */
export function PublishNotes({
  consultationId,
  sessionId,
  questions,
  isPublished,
}: {
  consultationId: string;
  sessionId: string;
  questions: readonly GuidingQuestion[];
  isPublished: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const check = useMutation({ mutationFn: () => checkNotes(consultationId, sessionId) });
  const publish = useMutation({
    mutationFn: (confirmed: string[]) => publishNotes(consultationId, sessionId, { confirmed }),
    onSuccess: async () => {
      setIsOpen(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: consultationKeys.detail(consultationId) }),
        queryClient.invalidateQueries({ queryKey: ['consultations', consultationId, 'results'] }),
      ]);
    },
    onError: (error) => {
      // Found since the editor looked: the check is shown again, to be confirmed anew.
      if (error instanceof ApiError && error.code === 'CONFIRMATION_REQUIRED') check.mutate();
    },
  });
  const findings = check.data?.findings;

  return (
    <AlertDialog.Root
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (open) {
          publish.reset();
          check.mutate();
        }
      }}
    >
      <AlertDialog.Trigger>
        <Button>{isPublished ? t('notes.publish.again') : t('notes.publish.action')}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Content maxWidth="560px">
        <AlertDialog.Title>{t('notes.publish.title')}</AlertDialog.Title>
        <AlertDialog.Description size="2">{t('notes.publish.description')}</AlertDialog.Description>
        <Flex direction="column" gap="3" mt="3">
          {findings ? (
            <NotesFindings findings={findings} questions={questions} />
          ) : check.error ? null : (
            <Text size="2">{t('notes.check.running')}</Text>
          )}
          <FormAlert error={check.error ?? (isConfirmationAsked(publish.error) ? null : publish.error)} />
        </Flex>
        <Flex gap="3" mt="4" justify="end">
          <AlertDialog.Cancel>
            <Button variant="soft" color="gray">
              {t('common.cancel')}
            </Button>
          </AlertDialog.Cancel>
          <Button
            disabled={!findings || check.isPending || publish.isPending}
            color={findings && findings.length > 0 ? 'amber' : undefined}
            onClick={() => publish.mutate((findings ?? []).map((finding) => finding.text))}
          >
            {findings && findings.length > 0 ? t('notes.publish.anyway') : t('notes.publish.confirm')}
          </Button>
        </Flex>
      </AlertDialog.Content>
    </AlertDialog.Root>
  );
}

const isConfirmationAsked = (error: unknown) =>
  error instanceof ApiError && error.code === 'CONFIRMATION_REQUIRED';
