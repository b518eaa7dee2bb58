import { Flex, Text } from '@radix-ui/themes';
import { paperAccess, type ConsultationDetail, type GuidingQuestion, type Thread } from '@cw/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperSession } from '../../collab/paper-session';
import { usePaperSessionState } from '../../collab/usePaperSession';
import { useWarnBeforeLeaving } from '../../ui/useWarnBeforeLeaving';
import { LoadingState } from '../../ui/LoadingState';
import { canDo, consultationKeys } from '../consultations/useConsultations';
import { useThreadActions, useThreads } from '../threads/useThreads';
import { readOnlyReason } from './paper-access';
import { PaperSectionBlock } from './PaperSectionBlock';
import { PaperStatus } from './PaperStatus';
import { PresenceList } from './PresenceList';
import { useOwnSuggestionIds } from './useOwnSuggestionIds';
import './paper.css';

/** Each section's guiding questions, in question-number order. */
function questionsBySection(questions: readonly GuidingQuestion[]): Map<string, GuidingQuestion[]> {
  const bySection = new Map<string, GuidingQuestion[]>();
  for (const question of [...questions].sort((a, b) => a.number - b.number)) {
    for (const sectionId of question.sectionIds) {
      bySection.set(sectionId, [...(bySection.get(sectionId) ?? []), question]);
    }
  }
  return bySection;
}

/** Anchored threads keyed by their section. */
function threadsBySection(threads: readonly Thread[]): Map<string, Thread[]> {
  const bySection = new Map<string, Thread[]>();
  for (const thread of threads) {
    if (thread.anchor)
      bySection.set(thread.anchor.sectionId, [...(bySection.get(thread.anchor.sectionId) ?? []), thread]);
  }
  return bySection;
}

const NO_THREADS: readonly Thread[] = [];
const ALL_THREADS = {};

/** The whole paper: status, presence and every section in order, each with its own editor. */
export function PaperView({
  consultation,
  session,
}: {
  consultation: ConsultationDetail;
  session: PaperSession;
}) {
  const { t } = useTranslation();
  const state = usePaperSessionState(session);
  useOwnSuggestionIds(consultation.id, session);
  useWarnBeforeLeaving(state.localClock > state.storedClock);
  const [activeSectionId, setActiveSectionId] = useState<string | null>(null);
  const readOnly = readOnlyReason(consultation, state.serverAccess);
  const queryClient = useQueryClient();
  const expectedAccess = paperAccess(consultation.role, consultation.phase, consultation.textChanges);
  // The socket hears of a new role, phase or text change mode first: the page reads the
  // consultation again so that it says why.
  useEffect(() => {
    if (state.serverAccess !== null && state.serverAccess !== expectedAccess)
      void queryClient.invalidateQueries({ queryKey: consultationKeys.detail(consultation.id) });
  }, [state.serverAccess, expectedAccess, queryClient, consultation.id]);
  // Members who may only suggest always do; the others choose for themselves, in this page only.
  const [choosesToSuggest, setChoosesToSuggest] = useState(false);
  const mustSuggest = (state.serverAccess ?? expectedAccess) === 'suggest';
  const suggesting = mustSuggest || choosesToSuggest;
  const questions = useMemo(() => questionsBySection(consultation.questions), [consultation.questions]);
  const threads = useThreads(consultation.id, ALL_THREADS, canDo(consultation, 'threads.read'));
  const actions = useThreadActions(consultation.id);
  const anchored = useMemo(() => threadsBySection(threads.data ?? []), [threads.data]);
  const sections = useMemo(
    () => [...consultation.sections].sort((a, b) => a.position - b.position),
    [consultation.sections],
  );

  return (
    <Flex direction="column" gap="5">
      <Flex direction="column" gap="2" className="paper-bar">
        <PaperStatus state={state} readOnly={readOnly} phase={consultation.phase} />
        <PresenceList awareness={session.awareness} />
      </Flex>
      {!state.hasSynced ? (
        state.connection === 'closed' ? null : (
          <LoadingState />
        )
      ) : sections.length === 0 ? (
        <Text as="p">{t('paper.noSections')}</Text>
      ) : (
        sections.map((section) => (
          <PaperSectionBlock
            key={section.id}
            session={session}
            consultation={consultation}
            section={section}
            threads={anchored.get(section.id) ?? NO_THREADS}
            actions={actions}
            questions={questions.get(section.id) ?? []}
            isEditable={readOnly === null && state.connection !== 'closed'}
            suggesting={suggesting}
            onSuggestingChange={mustSuggest ? undefined : setChoosesToSuggest}
            isActive={activeSectionId === section.id}
            onActivate={() => setActiveSectionId(section.id)}
          />
        ))
      )}
    </Flex>
  );
}
