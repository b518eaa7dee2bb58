import type { ConsultationDetail, LiveHand, LiveSession } from '@cw/shared';
import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { shownGroupLabel } from '../../lib/group-label';
import { FormField } from '../../ui/FormField';
import { focusChoices, nextUp, type FocusChoice } from './live-model';
import type { LiveView, useLiveActions } from './useLive';

/** The minutes one click adds to the run. */
const EXTENSIONS = [5, 10] as const;
/** The `<select>` value of "nothing in particular". */
const NO_FOCUS = '';

const choiceValue = (choice: FocusChoice) => `${choice.focus.kind}:${choice.focus.id}`;

/** Moving the room's focus, extending and ending the run, and the queue of raised hands. */
export function FacilitatorControls({
  consultation,
  live,
  session,
  actions,
}: {
  consultation: ConsultationDetail;
  live: LiveView;
  session: LiveSession;
  actions: ReturnType<typeof useLiveActions>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const choices = focusChoices(session.sessionId, consultation);
  const current = session.focus ? `${session.focus.kind}:${session.focus.id}` : NO_FOCUS;
  const next = nextUp(session, consultation);
  return (
    <section aria-labelledby={headingId} className="live-banner__controls">
      <Flex direction="column" gap="3">
        <Heading as="h3" size="2" id={headingId}>
          {t('live.facilitator.title')}
        </Heading>
        <Flex gap="3" align="end" wrap="wrap">
          {choices.length > 0 ? (
            <FormField label={t('live.facilitator.focus')}>
              {(control) => (
                <select
                  {...control}
                  className="native-select live-banner__focus"
                  value={current}
                  disabled={actions.isPending}
                  onChange={(event) => {
                    const picked = choices.find((choice) => choiceValue(choice) === event.target.value);
                    actions.focus(picked?.focus ?? null);
                  }}
                >
                  <option value={NO_FOCUS}>{t('live.nothingFocused')}</option>
                  {choices.map((choice) => (
                    <option key={choiceValue(choice)} value={choiceValue(choice)}>
                      {'question' in choice
                        ? t('live.questionLine', {
                            number: choice.question.number,
                            text: choice.question.text,
                          })
                        : t('live.sectionLine', {
                            number: choice.section.number,
                            title: choice.section.title,
                          })}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
          {next && 'question' in next ? (
            <Button
              variant="soft"
              disabled={actions.isPending}
              onClick={() => actions.focus({ kind: 'question', id: next.question.id })}
            >
              {t('live.facilitator.nextQuestion', { number: next.question.number })}
            </Button>
          ) : null}
          {EXTENSIONS.map((minutes) => (
            <Button
              key={minutes}
              variant="soft"
              disabled={actions.isPending}
              onClick={() => actions.extend(minutes)}
            >
              {t('live.facilitator.extend', { minutes })}
            </Button>
          ))}
          <Button color="red" variant="soft" disabled={actions.isPending} onClick={() => actions.end()}>
            {t('live.facilitator.end')}
          </Button>
        </Flex>
        <HandQueue consultation={consultation} queue={live.hands.queue ?? []} actions={actions} />
      </Flex>
    </section>
  );
}

function HandQueue({
  consultation,
  queue,
  actions,
}: {
  consultation: ConsultationDetail;
  queue: readonly LiveHand[];
  actions: ReturnType<typeof useLiveActions>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const who = (hand: LiveHand) =>
    hand.by.isYou
      ? t('live.facilitator.you')
      : hand.by.name
        ? t('live.facilitator.named', { name: hand.by.name, label: hand.by.label })
        : shownGroupLabel(t, hand.by.label);
  const questionNumber = (questionId: string | null) =>
    consultation.questions.find((question) => question.id === questionId)?.number;
  return (
    <section aria-labelledby={headingId}>
      <Flex direction="column" gap="2">
        <Heading as="h3" size="2" id={headingId}>
          {t('live.facilitator.queue')}
        </Heading>
        {/* A status: the count is read out when a hand goes up or down. */}
        <Text size="2" role="status">
          {queue.length === 0 ? t('live.facilitator.queueEmpty') : t('live.handsUp', { count: queue.length })}
        </Text>
        {queue.length === 0 ? null : (
          <ol className="live-hands">
            {queue.map((hand) => {
              const number = questionNumber(hand.questionId);
              return (
                <li key={hand.id}>
                  <Flex align="center" gap="2" wrap="wrap">
                    <Text size="2" weight="medium">
                      {who(hand)}
                    </Text>
                    {number !== undefined ? (
                      <Text size="2" color="gray" highContrast>
                        {t('live.facilitator.onQuestion', { number })}
                      </Text>
                    ) : null}
                    <Button
                      size="1"
                      variant="soft"
                      disabled={actions.isPending}
                      aria-label={t('live.facilitator.lowerLabel', { who: who(hand) })}
                      onClick={() => actions.acknowledgeHand(hand.id)}
                    >
                      {t('live.facilitator.lower')}
                    </Button>
                  </Flex>
                </li>
              );
            })}
          </ol>
        )}
        {queue.length > 1 ? (
          <Flex>
            <Button
              size="1"
              variant="ghost"
              disabled={actions.isPending}
              onClick={() => actions.clearHands()}
            >
              {t('live.facilitator.clear')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </section>
  );
}
