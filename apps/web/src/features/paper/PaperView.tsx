import { Flex, Text } from '@radix-ui/themes';
import { paperAccess, type ConsultationDetail, type GuidingQuestion, type Thread } from '@cw/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { PaperSession } from '../../collab/paper-session';
import { usePaperSessionState, usePaperSessionValue } from '../../collab/usePaperSession';
import { sessionSaveStatus } from '../../collab/save-status';
import { useWarnBeforeLeaving } from '../../ui/useWarnBeforeLeaving';
import { LoadingState } from '../../ui/LoadingState';
import { canDo, consultationKeys } from '../consultations/useConsultations';
import { followedSectionId } from '../live/live-model';
import { useFollowedSession } from '../live/LiveFollow';
import { useThreads } from '../threads/useThreads';
import { COMMENT_SHORTCUT } from './comment-shortcut';
import { readOnlyReason, type ReadOnlyReason } from './paper-access';
import { PaperSectionBlock, type LaidOutHeight } from './PaperSectionBlock';
import { paperTarget, type PaperTarget } from './section-mounting';
import { SectionVisibility } from './section-visibility';
import { PaperStatus } from './PaperStatus';
import { PresenceList } from './PresenceList';
import { useOwnSuggestionIds } from './usePaperSuggestions';
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

/**
 * Anchored threads keyed by their section. A section whose threads are all unchanged keeps its
 * previous list, so a thread posted in one section re-renders that section alone.
 */
function threadsBySection(
  threads: readonly Thread[],
  previous: ReadonlyMap<string, readonly Thread[]>,
): Map<string, readonly Thread[]> {
  const bySection = new Map<string, Thread[]>();
  for (const thread of threads) {
    if (!thread.anchor) continue;
    const own = bySection.get(thread.anchor.sectionId);
    if (own) own.push(thread);
    else bySection.set(thread.anchor.sectionId, [thread]);
  }
  const kept = new Map<string, readonly Thread[]>();
  for (const [sectionId, own] of bySection) {
    const before = previous.get(sectionId);
    const isSame = before?.length === own.length && before.every((thread, index) => thread === own[index]);
    kept.set(sectionId, isSame ? before : own);
  }
  return kept;
}

/** Status and presence: the one part of the paper that follows the save state of every edit. */
function PaperBar({
  session,
  readOnly,
  phase,
}: {
  session: PaperSession;
  readOnly: ReadOnlyReason;
  phase: ConsultationDetail['phase'];
}) {
  const state = usePaperSessionState(session);
  useWarnBeforeLeaving(sessionSaveStatus(state) !== 'saved');
  return (
    <Flex direction="column" gap="2" className="paper-bar">
      <PaperStatus state={state} readOnly={readOnly} phase={phase} />
      <PresenceList awareness={session.awareness} />
    </Flex>
  );
}

const NO_THREADS: readonly Thread[] = [];
const NO_QUESTIONS: readonly GuidingQuestion[] = [];
const ALL_THREADS = {};

/**
 * The whole paper: status, presence and every section in order. Each section's heading is always
 * there; its editor and margin mount as it nears the viewport (see PaperSectionBlock).
 */
export function PaperView({
  consultation,
  session,
}: {
  consultation: ConsultationDetail;
  session: PaperSession;
}) {
  const { t } = useTranslation();
  const isLoaded = usePaperSessionValue(session, (state) => state.isLoaded);
  const connection = usePaperSessionValue(session, (state) => state.connection);
  const serverAccess = usePaperSessionValue(session, (state) => state.serverAccess);
  useOwnSuggestionIds(consultation.id, session);
  const [activeSectionId, setActiveSectionId] = useState<string | null>(null);
  const readOnly = readOnlyReason(consultation, serverAccess);
  const queryClient = useQueryClient();
  const expectedAccess = paperAccess(consultation.role, consultation.phase, consultation.textChanges);
  // The socket hears of a new role, phase or text change mode first: the page reads the
  // consultation again so that it says why.
  useEffect(() => {
    if (serverAccess !== null && serverAccess !== expectedAccess)
      void queryClient.invalidateQueries({ queryKey: consultationKeys.detail(consultation.id) });
  }, [serverAccess, expectedAccess, queryClient, consultation.id]);
  // Members who may only suggest always do; the others choose for themselves, in this page only.
  const [choosesToSuggest, setChoosesToSuggest] = useState(false);
  const mustSuggest = (serverAccess ?? expectedAccess) === 'suggest';
  const suggesting = mustSuggest || choosesToSuggest;
  const questions = useMemo(() => questionsBySection(consultation.questions), [consultation.questions]);
  const threads = useThreads(consultation.id, ALL_THREADS, canDo(consultation, 'threads.read'));
  const lastAnchored = useRef<ReadonlyMap<string, readonly Thread[]>>(new Map());
  const anchored = useMemo(() => threadsBySection(threads.data ?? [], lastAnchored.current), [threads.data]);
  lastAnchored.current = anchored;
  const sections = useMemo(
    () => [...consultation.sections].sort((a, b) => a.position - b.position),
    [consultation.sections],
  );
  const [visibility] = useState(() => new SectionVisibility());
  const [heights] = useState(() => new Map<string, LaidOutHeight>());

  // A link to a section (#section-<id>) or a thread (#thread-<id>) is followed once per address,
  // as soon as the paper, and for a thread the threads, have loaded.
  const { hash } = useLocation();
  const [jump, setJump] = useState<(PaperTarget & { hash: string }) | null>(null);
  if (jump?.hash !== hash) {
    const found = isLoaded
      ? paperTarget(
          hash,
          sections.map((section) => section.id),
          threads.data ?? [],
        )
      : null;
    if (found) setJump({ ...found, hash });
    else if (jump) setJump(null);
  }
  // Following the facilitator, like a link: each time the room's focus moves, the paper brings its
  // section into view — unless the member is writing in the paper, or has just opened it at a link.
  const followed = useFollowedSession(consultation.id);
  const liveFocus = followed?.focus ?? null;
  const liveSectionId = followedSectionId(liveFocus, consultation);
  const followKey = followed ? `${followed.startedAt} ${liveFocus?.kind}:${liveFocus?.id}` : null;
  const followedKey = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!isLoaded || followKey === followedKey.current) return;
    const isArrival = followedKey.current === undefined;
    followedKey.current = followKey;
    if (!followKey || !liveSectionId || (isArrival && hash)) return;
    if (document.activeElement?.closest('.paper-section')) return;
    setJump({ sectionId: liveSectionId, threadId: null, hash });
  }, [isLoaded, followKey, liveSectionId, hash]);
  const liveQuestionId = liveFocus?.kind === 'question' ? liveFocus.id : null;
  const isEditable = readOnly === null && connection !== 'closed';

  // The width of a section's text column, read from an empty section laid out like the others:
  // the placeholders' estimated heights depend on it, and must be right from their first paint so
  // that a link's target is brought to the right place.
  const probeRef = useRef<HTMLDivElement>(null);
  const [textWidth, setTextWidth] = useState<number | null>(null);
  const hasSections = isLoaded && sections.length > 0;
  useLayoutEffect(() => {
    const probe = probeRef.current;
    if (!probe) return;
    setTextWidth(probe.getBoundingClientRect().width);
    const resized = new ResizeObserver(([entry]) => {
      const size = entry?.borderBoxSize[0];
      if (size) setTextWidth(size.inlineSize);
    });
    resized.observe(probe);
    return () => resized.disconnect();
  }, [hasSections]);

  return (
    <Flex direction="column" gap="5">
      <PaperBar session={session} readOnly={readOnly} phase={consultation.phase} />
      {canDo(consultation, 'threads.create') ? (
        <Text as="p" size="2" color="gray" highContrast>
          {t('paper.comment.hint', { shortcut: COMMENT_SHORTCUT.shown })}
        </Text>
      ) : null}
      {!isLoaded ? (
        connection === 'closed' ? null : (
          <LoadingState />
        )
      ) : sections.length === 0 ? (
        <Text as="p">{t('paper.noSections')}</Text>
      ) : (
        <Flex direction="column" gap="5" className="paper-sections">
          <div className="paper-section paper-section--probe" aria-hidden="true">
            <div className="paper-section__text" ref={probeRef} />
          </div>
          {textWidth === null
            ? null
            : sections.map((section) => (
                <PaperSectionBlock
                  key={section.id}
                  session={session}
                  consultation={consultation}
                  section={section}
                  threads={anchored.get(section.id) ?? NO_THREADS}
                  questions={questions.get(section.id) ?? NO_QUESTIONS}
                  isEditable={isEditable}
                  suggesting={suggesting}
                  onSuggestingChange={mustSuggest ? undefined : setChoosesToSuggest}
                  isActive={activeSectionId === section.id}
                  onActivate={setActiveSectionId}
                  visibility={visibility}
                  heights={heights}
                  textWidth={textWidth}
                  target={jump?.sectionId === section.id ? jump : null}
                  liveQuestionId={
                    liveQuestionId && questions.get(section.id)?.some(({ id }) => id === liveQuestionId)
                      ? liveQuestionId
                      : null
                  }
                  isLiveSection={liveFocus?.kind === 'section' && liveFocus.id === section.id}
                />
              ))}
        </Flex>
      )}
    </Flex>
  );
}
