import type { ConsultationDetail, GuidingQuestion, Section, Thread } from '@cw/shared';
import { sectionFragmentName } from '@cw/shared';
import { Flex, Heading } from '@radix-ui/themes';
import type { Editor } from '@tiptap/react';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperSession } from '../../collab/paper-session';
import { useAnnounce } from '../../ui/Announcer';
import { canDo } from '../consultations/useConsultations';
import { useThreadActions } from '../threads/useThreads';
import { isCommentShortcut } from './comment-shortcut';
import { GuidingQuestions } from './GuidingQuestions';
import { PassageCommentForm, type PassageTopic } from './PassageCommentForm';
import { SectionEditor } from './SectionEditor';
import { SectionSuggestions } from './SectionSuggestions';
import { SelectionCommentButton } from './SelectionCommentButton';
import {
  blockLengths,
  estimateSectionHeight,
  shouldMountSection,
  viewportPosition,
  type PaperTarget,
} from './section-mounting';
import { keepSectionText } from './section-text';
import type { SectionVisibility } from './section-visibility';
import { SectionThreads } from './SectionThreads';
import type { SelectedPassage } from './thread-passages';
import { useMarginLayout } from './useMarginLayout';

/** A section's height when last mounted, and the width of its text column then, in px. */
export interface LaidOutHeight {
  height: number;
  width: number;
}

interface PaperSectionBlockProps {
  session: PaperSession;
  consultation: ConsultationDetail;
  section: Section;
  questions: readonly GuidingQuestion[];
  /** Threads anchored in this section. */
  threads: readonly Thread[];
  isEditable: boolean;
  /** Whether this member's edits are made as suggestions. */
  suggesting: boolean;
  /** Absent where suggesting is decided for the member. */
  onSuggestingChange?: (suggesting: boolean) => void;
  isActive: boolean;
  onActivate: (sectionId: string) => void;
  visibility: SectionVisibility;
  /** Heights of sections once laid out, by id, kept for when they unmount. */
  heights: Map<string, LaidOutHeight>;
  /** Width of a section's text column, in px. */
  textWidth: number;
  /** The link being followed, when it points into this section. */
  target: PaperTarget | null;
  /** For members following the facilitator: the question of this section the room discusses live. */
  liveQuestionId: string | null;
  /** ...or whether it discusses this section. */
  isLiveSection: boolean;
}

/**
 * One paper headline: its heading, always, and once it is near the viewport (or focused, or the
 * target of a link) its editor and its margin; until then a placeholder of about their height.
 */
export const PaperSectionBlock = memo(function PaperSectionBlock({
  session,
  consultation,
  section,
  questions,
  threads,
  isEditable,
  suggesting,
  onSuggestingChange,
  isActive,
  onActivate,
  visibility,
  heights,
  textWidth,
  target,
  liveQuestionId,
  isLiveSection,
}: PaperSectionBlockProps) {
  const { t } = useTranslation();
  const headingId = `section-heading-${section.id}`;
  const label = t('paper.sectionLabel', { number: section.number, title: section.title });
  const blockRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ isNear: false, isKept: false });
  const [hasFocus, setHasFocus] = useState(false);
  const [commenting, setCommenting] = useState<PassageTopic | null>(null);
  const [focusOnMount, setFocusOnMount] = useState(false);
  const [isMounted, setMounted] = useState(target !== null);
  const shouldMount = shouldMountSection({
    isMounted,
    ...position,
    isPinned: hasFocus || commenting !== null || target !== null,
  });
  if (shouldMount !== isMounted) {
    setMounted(shouldMount);
    if (!shouldMount) setFocusOnMount(false);
  }

  // The sections in view mount before the first paint; the observers report every change after.
  useLayoutEffect(() => {
    const block = blockRef.current;
    if (block) setPosition(viewportPosition(block.getBoundingClientRect(), window.innerHeight));
  }, []);
  useEffect(() => {
    const block = blockRef.current;
    if (!block) return;
    return visibility.watch(block, (change) => setPosition((previous) => ({ ...previous, ...change })));
  }, [visibility]);

  // Following a link: the section is mounted from the start, then brought into view; a layout
  // effect, so that it comes before the editor's own effect scrolls on to a thread's passage.
  useLayoutEffect(() => {
    if (target && isMounted) blockRef.current?.scrollIntoView({ block: 'start' });
  }, [target, isMounted]);

  // Find-in-page matched the section's text in its placeholder: the browser brings it into view.
  const onFound = useCallback(() => setPosition((previous) => ({ ...previous, isNear: true })), []);

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setHasFocus(false);
  };

  return (
    <div
      className={isLiveSection ? 'paper-section live-focus' : 'paper-section'}
      id={`section-${section.id}`}
      aria-labelledby={headingId}
      role="group"
      ref={blockRef}
      onFocus={() => setHasFocus(true)}
      onBlur={onBlur}
    >
      <Heading as="h2" size="5" id={headingId} className="paper-section__heading">
        {t('paper.sectionHeading', { number: section.number, title: section.title })}
      </Heading>
      {isMounted ? (
        <SectionBody
          session={session}
          consultation={consultation}
          section={section}
          label={label}
          questions={questions}
          threads={threads}
          isEditable={isEditable}
          suggesting={suggesting}
          {...(onSuggestingChange ? { onSuggestingChange } : {})}
          isActive={isActive}
          onActivate={onActivate}
          heights={heights}
          autoFocus={focusOnMount}
          targetThreadId={target?.threadId ?? null}
          liveQuestionId={liveQuestionId}
          commenting={commenting}
          onCommenting={setCommenting}
        />
      ) : (
        <SectionPlaceholder
          session={session}
          sectionId={section.id}
          label={label}
          threads={threads.length}
          questions={questions.length}
          heights={heights}
          width={textWidth}
          onFocus={() => setFocusOnMount(true)}
          onFound={onFound}
        />
      )}
    </div>
  );
});

/**
 * Stands in for a section's text and margin while they are not mounted: as tall as they were
 * when last laid out, or as their text's length suggests. It is reached with Tab like the editor
 * it stands for, which mounts at once and takes the focus. It holds the text itself, hidden, for
 * the browser's find-in-page (a match mounts the section) and for printing.
 */
function SectionPlaceholder({
  session,
  sectionId,
  label,
  threads,
  questions,
  heights,
  width,
  onFocus,
  onFound,
}: {
  session: PaperSession;
  sectionId: string;
  label: string;
  threads: number;
  questions: number;
  heights: Map<string, LaidOutHeight>;
  width: number;
  onFocus: () => void;
  onFound: () => void;
}) {
  const textRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = textRef.current;
    if (!target) return;
    return keepSectionText(session.doc.getXmlFragment(sectionFragmentName(sectionId)), target, onFound);
  }, [session, sectionId, onFound]);
  const laidOut = heights.get(sectionId);
  const measured = laidOut?.width === width ? laidOut.height : undefined;
  const height = useMemo(
    () =>
      measured ??
      estimateSectionHeight({
        blockLengths: blockLengths(session.doc.getXmlFragment(sectionFragmentName(sectionId))),
        width,
        threads,
        questions,
      }),
    [measured, session, sectionId, width, threads, questions],
  );
  return (
    <div
      className="paper-section__placeholder"
      style={{ blockSize: `${height}px` }}
      role="textbox"
      aria-label={label}
      aria-multiline="true"
      aria-disabled="true"
      tabIndex={0}
      onFocus={onFocus}
    >
      <div className="paper-editor__text paper-section__text-copy user-text" ref={textRef} />
    </div>
  );
}

/** A mounted section: its editor and, in the margin, its guiding questions and threads. */
function SectionBody({
  session,
  consultation,
  section,
  label,
  questions,
  threads,
  isEditable,
  suggesting,
  onSuggestingChange,
  isActive,
  onActivate,
  heights,
  autoFocus,
  targetThreadId,
  liveQuestionId,
  commenting,
  onCommenting,
}: Pick<
  PaperSectionBlockProps,
  | 'session'
  | 'consultation'
  | 'section'
  | 'questions'
  | 'threads'
  | 'isEditable'
  | 'suggesting'
  | 'onSuggestingChange'
  | 'isActive'
  | 'onActivate'
  | 'heights'
> & {
  label: string;
  autoFocus: boolean;
  targetThreadId: string | null;
  liveQuestionId: string | null;
  commenting: PassageTopic | null;
  onCommenting: (topic: PassageTopic | null) => void;
}) {
  const { t } = useTranslation();
  const actions = useThreadActions(consultation.id);
  const [selected, setSelected] = useState<SelectedPassage | null>(null);
  const [passageOrder, setPassageOrder] = useState<string[] | null>(null);
  const [focusedThreadId, setFocusedThreadId] = useState<string | null>(targetThreadId);
  useEffect(() => {
    if (targetThreadId) setFocusedThreadId(targetThreadId);
  }, [targetThreadId]);
  const passages = useMemo(
    () =>
      threads.flatMap((thread) =>
        thread.anchor ? [{ threadId: thread.id, start: thread.anchor.start, end: thread.anchor.end }] : [],
      ),
    [threads],
  );
  const [editor, setEditor] = useState<Editor | null>(null);
  const [cardList, setCardList] = useState<HTMLUListElement | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const marginRef = useRef<HTMLDivElement>(null);
  useMarginLayout({ editor, text: textRef, margin: marginRef, list: cardList });

  // The height the placeholder takes if this section unmounts, so the page does not shift then.
  useEffect(() => {
    const text = textRef.current;
    const margin = marginRef.current;
    if (!text || !margin) return;
    const sizes = new Map<Element, ResizeObserverSize>();
    const resized = new ResizeObserver((entries) => {
      for (const entry of entries)
        if (entry.borderBoxSize[0]) sizes.set(entry.target, entry.borderBoxSize[0]);
      const textSize = sizes.get(text);
      if (!textSize) return;
      const height = Math.max(textSize.blockSize, sizes.get(margin)?.blockSize ?? 0);
      heights.set(section.id, { height, width: textSize.inlineSize });
    });
    resized.observe(text);
    resized.observe(margin);
    return () => resized.disconnect();
  }, [heights, section.id]);

  const mayComment = canDo(consultation, 'threads.create');
  const announce = useAnnounce();
  const onKeyDown = (event: KeyboardEvent) => {
    if (!mayComment || !isCommentShortcut(event.nativeEvent)) return;
    event.preventDefault();
    if (selected) onCommenting({ passage: selected, suggestionId: null });
    else announce(t('paper.comment.selectFirst'));
  };
  return (
    <>
      <div className="paper-section__text" ref={textRef} onKeyDown={onKeyDown}>
        <SectionEditor
          session={session}
          sectionId={section.id}
          number={section.number}
          label={label}
          isEditable={isEditable}
          suggesting={suggesting}
          {...(onSuggestingChange ? { onSuggestingChange } : {})}
          isActive={isActive}
          autoFocus={autoFocus}
          onFocus={() => onActivate(section.id)}
          passages={passages}
          focusedThreadId={focusedThreadId}
          onPassageOrder={setPassageOrder}
          onSelectPassage={setSelected}
          onEditor={setEditor}
        />
        {mayComment && selected && !commenting && editor ? (
          <SelectionCommentButton
            editor={editor}
            passage={selected}
            column={textRef}
            onComment={() => onCommenting({ passage: selected, suggestionId: null })}
          />
        ) : null}
      </div>
      <Flex direction="column" gap="3" className="paper-section__margin" ref={marginRef}>
        <GuidingQuestions questions={questions} liveQuestionId={liveQuestionId} />
        {mayComment && commenting ? (
          <PassageCommentForm
            consultation={consultation}
            sectionId={section.id}
            sectionQuestions={questions}
            topic={commenting}
            actions={actions}
            onDone={() => onCommenting(null)}
            onCancel={() => {
              onCommenting(null);
              // Back to the text, where the passage is still selected.
              editor?.commands.focus();
            }}
          />
        ) : null}
        {editor ? (
          <SectionSuggestions
            editor={editor}
            consultationId={consultation.id}
            sectionId={section.id}
            sectionNumber={section.number}
            mayDecide={canDo(consultation, 'suggestions.decide')}
            isEditable={isEditable}
            ownSuggestions={session.ownSuggestions}
            threads={threads}
            onComment={
              mayComment ? (suggestionId, passage) => onCommenting({ passage, suggestionId }) : undefined
            }
          />
        ) : null}
        <SectionThreads
          consultation={consultation}
          sectionNumber={section.number}
          threads={threads}
          passageOrder={passageOrder}
          focusedThreadId={focusedThreadId}
          actions={actions}
          onShowPassage={setFocusedThreadId}
          listRef={setCardList}
        />
      </Flex>
    </>
  );
}
