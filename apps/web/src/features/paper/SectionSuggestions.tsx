import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import { useEditorState, type Editor } from '@tiptap/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnSuggestions } from '../../collab/own-suggestions';
import {
  acceptSuggestion,
  rejectSuggestion,
  sectionSuggestions,
  settleAllSuggestions,
  type SectionSuggestion,
} from './paper-suggestions';

/** Longest stretch of suggested text quoted in the list. */
const QUOTE_LENGTH = 80;

const quoted = (text: string) => (text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text);

function useDescription() {
  const { t } = useTranslation();
  return ({ inserted, deleted }: SectionSuggestion) => {
    if (inserted && deleted)
      return t('paper.suggestions.replace', { deleted: quoted(deleted), inserted: quoted(inserted) });
    if (inserted) return t('paper.suggestions.insert', { text: quoted(inserted) });
    if (deleted) return t('paper.suggestions.delete', { text: quoted(deleted) });
    return t('paper.suggestions.paragraphBreak');
  };
}

function SuggestionItem({
  editor,
  suggestion,
  mayDecide,
  isOwn,
}: {
  editor: Editor;
  suggestion: SectionSuggestion;
  mayDecide: boolean;
  isOwn: boolean;
}) {
  const { t } = useTranslation();
  const describe = useDescription();
  const descriptionId = useId();
  return (
    <li>
      <Flex direction="column" gap="1">
        <Text size="2" id={descriptionId} className="preserve-lines">
          {describe(suggestion)}
        </Text>
        <Flex gap="1" wrap="wrap">
          {mayDecide ? (
            <>
              <Button
                size="1"
                aria-describedby={descriptionId}
                onClick={() => acceptSuggestion(editor, suggestion.id)}
              >
                {t('paper.suggestions.accept')}
              </Button>
              <Button
                size="1"
                variant="soft"
                aria-describedby={descriptionId}
                onClick={() => rejectSuggestion(editor, suggestion.id)}
              >
                {t('paper.suggestions.reject')}
              </Button>
            </>
          ) : isOwn ? (
            <Button
              size="1"
              variant="soft"
              aria-describedby={descriptionId}
              onClick={() => rejectSuggestion(editor, suggestion.id)}
            >
              {t('paper.suggestions.withdraw')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </li>
  );
}

/**
 * A section's suggested changes in its margin, in text order: what each inserts or deletes, with
 * Accept and Reject for those who decide (editors and admins) and Withdraw for the author's own.
 * Nothing is shown while the section has none.
 */
export function SectionSuggestions({
  editor,
  sectionNumber,
  mayDecide,
  isEditable,
  ownSuggestions,
}: {
  editor: Editor;
  sectionNumber: string;
  /** The member may accept and reject suggestions (`suggestions.decide`). */
  mayDecide: boolean;
  /** The paper takes this member's changes now (role, phase, connection). */
  isEditable: boolean;
  ownSuggestions: OwnSuggestions;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const suggestions = useEditorState({
    editor,
    selector: ({ editor: current }) => sectionSuggestions(current.state.doc),
  });
  if (suggestions.length === 0) return null;
  return (
    <div aria-labelledby={headingId} role="group" className="paper-suggestions">
      <Heading as="h3" size="2" id={headingId}>
        {t('paper.suggestions.title', { number: sectionNumber, count: suggestions.length })}
      </Heading>
      <ul className="plain-list paper-suggestions__list">
        {suggestions.map((suggestion) => (
          <SuggestionItem
            key={suggestion.id}
            editor={editor}
            suggestion={suggestion}
            mayDecide={isEditable && mayDecide}
            isOwn={isEditable && ownSuggestions.has(suggestion.id)}
          />
        ))}
      </ul>
      {isEditable && mayDecide && suggestions.length > 1 ? (
        <Flex gap="1" wrap="wrap">
          <Button
            size="1"
            variant="outline"
            aria-describedby={headingId}
            onClick={() => settleAllSuggestions(editor, 'accept')}
          >
            {t('paper.suggestions.acceptAll')}
          </Button>
          <Button
            size="1"
            variant="outline"
            aria-describedby={headingId}
            onClick={() => settleAllSuggestions(editor, 'reject')}
          >
            {t('paper.suggestions.rejectAll')}
          </Button>
        </Flex>
      ) : null}
    </div>
  );
}
