import { instantToZoned, sessionBody, type AgendaSession, type Section, type SessionBody } from '@cw/shared';
import { Button, Flex, TextArea, TextField } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { SectionPicker } from './SectionPicker';

interface SessionFormProps {
  /** The session being edited; a new one when absent. */
  session?: AgendaSession;
  sections: readonly Section[];
  timeZone: string;
  submitLabel: string;
  onSubmit: (body: SessionBody, callbacks: { onError: (error: unknown) => void }) => void;
  isPending: boolean;
  error: unknown;
}

/** An agenda session; times are wall-clock in the consultation's zone, as organisers plan them. */
export function SessionForm({
  session,
  sections,
  timeZone,
  submitLabel,
  onSubmit,
  isPending,
  error,
}: SessionFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(session?.title ?? '');
  const [description, setDescription] = useState(session?.description ?? '');
  const [speakers, setSpeakers] = useState(session?.speakers.join('\n') ?? '');
  const [startsAt, setStartsAt] = useState(session ? instantToZoned(session.startsAt, timeZone) : '');
  const [endsAt, setEndsAt] = useState(session ? instantToZoned(session.endsAt, timeZone) : '');
  const [sectionIds, setSectionIds] = useState<string[]>(session?.sectionIds ?? []);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = sessionBody.safeParse({
      title,
      description,
      speakers: speakers
        .split('\n')
        .map((speaker) => speaker.trim())
        .filter(Boolean),
      startsAt,
      endsAt,
      sectionIds,
    });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    onSubmit(parsed.data, { onError: (failure) => setFieldErrors(fieldErrorsFromApi(failure)) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="3">
        <FormAlert error={error} />
        <FormField label={t('structure.sessions.fields.title')} error={fieldErrors.title}>
          {(control) => (
            <TextField.Root {...control} value={title} onChange={(event) => setTitle(event.target.value)} />
          )}
        </FormField>
        <Flex gap="3" wrap="wrap">
          <FormField
            label={t('structure.sessions.fields.startsAt', { zone: timeZone })}
            error={fieldErrors.startsAt}
          >
            {(control) => (
              <TextField.Root
                {...control}
                type="datetime-local"
                value={startsAt}
                onChange={(event) => setStartsAt(event.target.value)}
              />
            )}
          </FormField>
          <FormField
            label={t('structure.sessions.fields.endsAt', { zone: timeZone })}
            error={fieldErrors.endsAt}
          >
            {(control) => (
              <TextField.Root
                {...control}
                type="datetime-local"
                value={endsAt}
                onChange={(event) => setEndsAt(event.target.value)}
              />
            )}
          </FormField>
        </Flex>
        <FormField label={t('structure.sessions.fields.description')} error={fieldErrors.description}>
          {(control) => (
            <TextArea
              {...control}
              rows={3}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          )}
        </FormField>
        <FormField
          label={t('structure.sessions.fields.speakers')}
          hint={t('structure.sessions.speakersHint')}
          error={fieldErrors.speakers}
        >
          {(control) => (
            <TextArea
              {...control}
              rows={2}
              value={speakers}
              onChange={(event) => setSpeakers(event.target.value)}
            />
          )}
        </FormField>
        <SectionPicker
          legend={t('structure.sessions.fields.sections')}
          sections={sections}
          selectedIds={sectionIds}
          onChange={setSectionIds}
        />
        <Flex>
          <Button type="submit" loading={isPending}>
            {submitLabel}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
