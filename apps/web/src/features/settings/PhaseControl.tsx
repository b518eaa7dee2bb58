import { PHASE_TRANSITIONS, PHASES, type ConsultationDetail, type Phase } from '@cw/shared';
import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/ErrorCallout';
import { changePhase } from '../consultations/api';
import { PhaseBadge } from '../consultations/ConsultationBadges';
import { useDescribeScheduledChange } from '../consultations/ScheduledChangeNotice';
import { useRefreshConsultation } from '../consultations/useConsultations';

const isForward = (from: Phase, to: Phase) => PHASES.indexOf(to) > PHASES.indexOf(from);

/** The current phase and the moves the shared transition table allows from it, each confirmed first. */
export function PhaseControl({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshConsultation(consultation.id);
  const move = useMutation({
    mutationFn: (phase: Phase) => changePhase(consultation.id, { phase }),
    onSuccess: (detail) => refresh(detail),
  });
  const nextPhases = PHASE_TRANSITIONS[consultation.phase];
  const describe = useDescribeScheduledChange();
  const { scheduledChange } = consultation;

  return (
    <section aria-labelledby="phase-heading">
      <Card>
        <Flex direction="column" gap="3">
          <Heading as="h2" size="5" id="phase-heading">
            {t('settings.phase.title')}
          </Heading>
          <Flex>
            <PhaseBadge phase={consultation.phase} />
          </Flex>
          <Text size="2">{t(`settings.phase.explanation.${consultation.phase}`)}</Text>
          {scheduledChange ? (
            <Text size="2" weight="medium">
              {t('settings.phase.scheduled', { change: describe(scheduledChange, consultation.timezone) })}
            </Text>
          ) : consultation.phase === 'draft' || consultation.phase === 'open' ? (
            <Text size="2" color="gray" highContrast>
              {t('settings.phase.unscheduled')}
            </Text>
          ) : null}
          <FormAlert error={move.error} />
          {nextPhases.length === 0 ? <Text size="2">{t('settings.phase.final')}</Text> : null}
          <Flex gap="2" wrap="wrap">
            {nextPhases.map((phase) => (
              <ConfirmDialog
                key={phase}
                trigger={
                  <Button
                    variant={isForward(consultation.phase, phase) ? 'solid' : 'soft'}
                    loading={move.isPending}
                  >
                    {t(
                      isForward(consultation.phase, phase)
                        ? 'settings.phase.moveForward'
                        : 'settings.phase.moveBack',
                      {
                        phase: t(`phases.${phase}`),
                      },
                    )}
                  </Button>
                }
                title={t('settings.phase.confirmTitle', { phase: t(`phases.${phase}`) })}
                description={t(`settings.phase.explanation.${phase}`)}
                confirmLabel={t('settings.phase.confirm')}
                onConfirm={() => move.mutate(phase)}
              />
            ))}
          </Flex>
        </Flex>
      </Card>
    </section>
  );
}
