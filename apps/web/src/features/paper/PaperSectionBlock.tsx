import type { ConsultationDetail, GuidingQuestion, Section, Thread } from '@cw/shared';
import { Button, Flex, Heading } from '@radix-ui/themes';
import type { Editor } from '@tiptap/react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperSession } from '../../collab/paper-session';
import { canDo } from '../consultations/useConsultations';
import type { useThreadActions } from '../threads/useThreads';
import { GuidingQuestions } from './GuidingQuestions';
import { PassageCommentForm } from './PassageCommentForm';
import { SectionEditor } from './SectionEditor';
import { SectionSuggestions } from './SectionSuggestions';
import { SectionThreads } from './SectionThreads';
import type { SelectedPassage } from './thread-passages';
import { useMarginLayout } from './useMarginLayout';

interface PaperSectionBlockProps {
  session: PaperSession;
  consultation: ConsultationDetail;
  section: Section;
  questions: readonly GuidingQuestion[];
  /** Threads anchored in this section. */
  threads: readonly Thread[];
  actions: ReturnType<typeof useThreadActions>;
  isEditable: boolean;
  /** Whether this member's edits are made as suggestions. */
  suggesting: boolean;
  /** Absent where suggesting is decided for the member. */
  onSuggestingChange?: (suggesting: boolean) => void;
  isActive: boolean;
  onActivate: () => void;
}

/** One paper headline: its heading, its text and, in the margin, its guiding questions and threads. */
export function PaperSectionBlock({
  session,
  consultation,
  section,
  questions,
  threads,
  actions,
  isEditable,
  suggesting,
  onSuggestingChange,
  isActive,
  onActivate,
}: PaperSectionBlockProps) {
  const { t } = useTranslation();
  const headingId = `section-heading-${section.id}`;
  const [selected, setSelected] = useState<SelectedPassage | null>(null);
  const [commenting, setCommenting] = useState<SelectedPassage | null>(null);
  const [passageOrder, setPassageOrder] = useState<string[] | null>(null);
  const [focusedThreadId, setFocusedThreadId] = useState<string | null>(null);
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
  const mayComment = canDo(consultation, 'threads.create');
  return (
    <div className="paper-section" aria-labelledby={headingId} role="group">
      <Heading as="h2" size="5" id={headingId} className="paper-section__heading">
        {t('paper.sectionHeading', { number: section.number, title: section.title })}
      </Heading>
      <div className="paper-section__text" ref={textRef}>
        <SectionEditor
          session={session}
          sectionId={section.id}
          number={section.number}
          label={t('paper.sectionLabel', { number: section.number, title: section.title })}
          isEditable={isEditable}
          suggesting={suggesting}
          {...(onSuggestingChange ? { onSuggestingChange } : {})}
          isActive={isActive}
          onFocus={onActivate}
          passages={passages}
          focusedThreadId={focusedThreadId}
          onPassageOrder={setPassageOrder}
          onSelectPassage={setSelected}
          onEditor={setEditor}
        />
      </div>
      <Flex direction="column" gap="3" className="paper-section__margin" ref={marginRef}>
        <GuidingQuestions questions={questions} />
        {mayComment && commenting ? (
          <PassageCommentForm
            consultation={consultation}
            sectionQuestions={questions}
            anchor={{ sectionId: section.id, ...commenting }}
            actions={actions}
            onDone={() => setCommenting(null)}
          />
        ) : mayComment && selected ? (
          <div>
            <Button size="1" onClick={() => setCommenting(selected)}>
              {t('threads.margin.comment')}
            </Button>
          </div>
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
    </div>
  );
}
