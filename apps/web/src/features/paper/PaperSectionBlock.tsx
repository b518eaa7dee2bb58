import { Heading } from '@radix-ui/themes';
import type { GuidingQuestion, Section } from '@cw/shared';
import { useTranslation } from 'react-i18next';
import type { PaperSession } from '../../collab/paper-session';
import { GuidingQuestions } from './GuidingQuestions';
import { SectionEditor } from './SectionEditor';

interface PaperSectionBlockProps {
  session: PaperSession;
  section: Section;
  questions: readonly GuidingQuestion[];
  isEditable: boolean;
  isActive: boolean;
  onActivate: () => void;
}

/** One paper headline: its heading, its text and, in the margin, its guiding questions. */
export function PaperSectionBlock({
  session,
  section,
  questions,
  isEditable,
  isActive,
  onActivate,
}: PaperSectionBlockProps) {
  const { t } = useTranslation();
  const headingId = `section-heading-${section.id}`;
  return (
    <div className="paper-section" aria-labelledby={headingId} role="group">
      <Heading as="h2" size="5" id={headingId} className="paper-section__heading">
        {t('paper.sectionHeading', { number: section.number, title: section.title })}
      </Heading>
      <div className="paper-section__text">
        <SectionEditor
          session={session}
          sectionId={section.id}
          number={section.number}
          label={t('paper.sectionLabel', { number: section.number, title: section.title })}
          isEditable={isEditable}
          isActive={isActive}
          onFocus={onActivate}
        />
      </div>
      <GuidingQuestions questions={questions} />
    </div>
  );
}
