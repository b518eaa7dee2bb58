import type { Attribution, Thread } from '@cw/shared';
import { Button, Flex, Heading, Link, Popover, Text, TextArea } from '@radix-ui/themes';
import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { OwnSuggestions } from '../../collab/own-suggestions';
import { useAuthorName } from '../threads/useAuthorName';
import { FormAlert } from '../../ui/ErrorCallout';
import { useThreadTitle } from '../threads/ThreadCard';
import {
  acceptSuggestion,
  rejectSuggestion,
  sectionSuggestions,
  settleAllSuggestions,
  settleSuggestions,
  suggestionIdsInRange,
  suggestionRange,
  type SectionSuggestion,
} from './paper-suggestions';
import { passageAnchor, type SelectedPassage } from './thread-passages';
import { type SuggestionDecision, useDecideSuggestions } from './useDecideSuggestions';
import { useSuggestionAuthors } from './usePaperSuggestions';
import { useSuggestionDescription } from './useSuggestionDescription';

/** Reject, with the reason asked for first (required); `onReject` gets the reason typed. */
function RejectWithReason({
  label,
  confirmLabel,
  describedBy,
  onReject,
  variant = 'soft',
}: {
  label: string;
  confirmLabel: string;
  describedBy: string;
  onReject: (reason: string) => void;
  variant?: 'soft' | 'outline';
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [isMissing, setIsMissing] = useState(false);
  const [isOpen, setIsOpen] = useState(false);
  const reasonId = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <Popover.Root open={isOpen} onOpenChange={setIsOpen}>
      <Popover.Trigger>
        <Button size="1" variant={variant} aria-describedby={describedBy}>
          {label}
        </Button>
      </Popover.Trigger>
      <Popover.Content width="320px">
        <Flex direction="column" gap="2">
          <Text as="label" size="2" weight="medium" htmlFor={reasonId}>
            {t('paper.suggestions.reason')}
          </Text>
          <TextArea
            id={reasonId}
            aria-describedby={isMissing ? `${errorId} ${hintId}` : hintId}
            aria-invalid={isMissing}
            aria-required
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setIsMissing(false);
            }}
            maxLength={2000}
            rows={3}
          />
          {isMissing ? (
            <Text size="1" color="red" id={errorId}>
              {t('paper.suggestions.reasonRequired')}
            </Text>
          ) : null}
          <Text size="1" color="gray" highContrast id={hintId}>
            {t('paper.suggestions.reasonHint')}
          </Text>
          <Flex justify="end">
            <Button
              size="1"
              aria-describedby={describedBy}
              onClick={() => {
                if (reason.trim() === '') {
                  setIsMissing(true);
                  return;
                }
                onReject(reason.trim());
                setIsOpen(false);
                setReason('');
              }}
            >
              {confirmLabel}
            </Button>
          </Flex>
        </Flex>
      </Popover.Content>
    </Popover.Root>
  );
}

/** Links to the threads discussing a suggestion, each named as its card is. */
function SuggestionThreads({
  consultationId,
  threads,
  describedBy,
}: {
  consultationId: string;
  threads: readonly Thread[];
  describedBy: string;
}) {
  const { t } = useTranslation();
  const title = useThreadTitle();
  if (threads.length === 0) return null;
  return (
    <Flex gap="2" wrap="wrap" align="baseline">
      <Text size="1" color="gray" highContrast>
        {t('paper.suggestions.threads', { count: threads.length })}
      </Text>
      {threads.map((thread) => (
        <Link key={thread.id} size="1" asChild>
          <RouterLink
            to={`/consultations/${consultationId}/paper#thread-${thread.id}`}
            aria-describedby={describedBy}
          >
            {title(thread)}
          </RouterLink>
        </Link>
      ))}
    </Flex>
  );
}

function SuggestionItem({
  editor,
  consultationId,
  suggestion,
  author,
  threads,
  mayDecide,
  isOwn,
  decide,
  onComment,
}: {
  editor: Editor;
  consultationId: string;
  suggestion: SectionSuggestion;
  /** Who made it, once the server has said (as this viewer may see it). */
  author: Attribution | undefined;
  /** The threads discussing this suggestion. */
  threads: readonly Thread[];
  mayDecide: boolean;
  isOwn: boolean;
  decide: (decision: SuggestionDecision, settle: () => void) => void;
  onComment: ((passage: SelectedPassage) => void) | undefined;
}) {
  const { t } = useTranslation();
  const describe = useSuggestionDescription();
  const authorName = useAuthorName();
  const descriptionId = useId();
  const suggestionIds = [suggestion.id];
  // The passage is read when asked for: positions move with every edit, and the list does not.
  const comment = () => {
    const range = suggestionRange(editor.state.doc, suggestion.id);
    const passage = range && passageAnchor(editor.state, range.from, range.to);
    if (passage) onComment?.(passage);
  };
  // A suggestion of whitespace or a paragraph break alone has no text to quote.
  const mayComment = onComment !== undefined && `${suggestion.inserted}${suggestion.deleted}`.trim() !== '';
  return (
    <li>
      <Flex direction="column" gap="1">
        <Text size="2" id={descriptionId} className="preserve-lines">
          {describe(suggestion)}
          {author ? (
            <Text as="span" size="1" color="gray" highContrast className="paper-suggestions__author">
              {authorName(author)}
            </Text>
          ) : null}
        </Text>
        <SuggestionThreads consultationId={consultationId} threads={threads} describedBy={descriptionId} />
        <Flex gap="1" wrap="wrap">
          {mayDecide ? (
            <>
              <Button
                size="1"
                aria-describedby={descriptionId}
                onClick={() =>
                  decide({ suggestionIds, outcome: 'accepted' }, () =>
                    acceptSuggestion(editor, suggestion.id),
                  )
                }
              >
                {t('paper.suggestions.accept')}
              </Button>
              <RejectWithReason
                label={t('paper.suggestions.reject')}
                confirmLabel={t('paper.suggestions.confirmReject')}
                describedBy={descriptionId}
                onReject={(reason) =>
                  decide({ suggestionIds, outcome: 'rejected', reason }, () =>
                    rejectSuggestion(editor, suggestion.id),
                  )
                }
              />
            </>
          ) : isOwn ? (
            <Button
              size="1"
              variant="soft"
              aria-describedby={descriptionId}
              onClick={() =>
                decide({ suggestionIds, outcome: 'withdrawn' }, () => rejectSuggestion(editor, suggestion.id))
              }
            >
              {t('paper.suggestions.withdraw')}
            </Button>
          ) : null}
          {mayComment ? (
            <Button size="1" variant="outline" aria-describedby={descriptionId} onClick={comment}>
              {t('paper.suggestions.comment')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </li>
  );
}

/**
 * A section's suggested changes in its margin, in text order: what each inserts or deletes, with
 * Accept and Reject (with the reason, required) for those who decide (editors and admins) and
 * Withdraw for the author's own. A decision is recorded on the server before the text changes to
 * match. Anyone who may open threads may comment on a suggestion, and each one links to the
 * threads on it. Nothing is shown while the section has none.
 */
export function SectionSuggestions({
  editor,
  consultationId,
  sectionId,
  sectionNumber,
  mayDecide,
  isEditable,
  ownSuggestions,
  threads,
  onComment,
}: {
  editor: Editor;
  consultationId: string;
  sectionId: string;
  sectionNumber: string;
  /** The member may accept and reject suggestions (`suggestions.decide`). */
  mayDecide: boolean;
  /** The paper takes this member's changes now (role, phase, connection). */
  isEditable: boolean;
  ownSuggestions: OwnSuggestions;
  /** The section's anchored threads, among them those on its suggestions. */
  threads: readonly Thread[];
  /** Opens a new thread on the suggested passage; absent for members who may not open threads. */
  onComment?: (suggestionId: string, passage: SelectedPassage) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { suggestions, selected } = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const { doc, selection } = current.state;
      return {
        suggestions: sectionSuggestions(doc),
        selected: suggestionIdsInRange(doc, selection.from, selection.to),
      };
    },
  });
  const authors = useSuggestionAuthors(
    consultationId,
    suggestions.map((suggestion) => suggestion.id),
  );
  // Ids the server names as the member's own may arrive after the list was drawn.
  useSyncExternalStore(ownSuggestions.subscribe, () => ownSuggestions.size);
  const decision = useDecideSuggestions(consultationId, sectionId);
  const decide = (body: SuggestionDecision, settle: () => void) =>
    decision.mutate(body, { onSuccess: settle });
  if (suggestions.length === 0) return null;
  const allIds = suggestions.map((suggestion) => suggestion.id);
  return (
    <div aria-labelledby={headingId} role="group" className="paper-suggestions">
      <Heading as="h3" size="2" id={headingId}>
        {t('paper.suggestions.title', { number: sectionNumber, count: suggestions.length })}
      </Heading>
      <FormAlert error={decision.error} />
      <ul className="plain-list paper-suggestions__list">
        {suggestions.map((suggestion) => (
          <SuggestionItem
            key={suggestion.id}
            editor={editor}
            consultationId={consultationId}
            suggestion={suggestion}
            author={authors.get(suggestion.id)}
            threads={threads.filter((thread) => thread.suggestionId === suggestion.id)}
            mayDecide={isEditable && mayDecide}
            isOwn={isEditable && ownSuggestions.has(suggestion.id)}
            decide={decide}
            onComment={onComment && ((passage) => onComment(suggestion.id, passage))}
          />
        ))}
      </ul>
      {isEditable && mayDecide && selected.length > 0 && selected.length < suggestions.length ? (
        <Flex gap="1" wrap="wrap">
          <Button
            size="1"
            variant="outline"
            aria-describedby={headingId}
            onClick={() =>
              decide({ suggestionIds: selected, outcome: 'accepted' }, () =>
                settleSuggestions(editor, selected, 'accept'),
              )
            }
          >
            {t('paper.suggestions.acceptSelected', { count: selected.length })}
          </Button>
          <RejectWithReason
            variant="outline"
            label={t('paper.suggestions.rejectSelected', { count: selected.length })}
            confirmLabel={t('paper.suggestions.confirmRejectSelected', { count: selected.length })}
            describedBy={headingId}
            onReject={(reason) =>
              decide({ suggestionIds: selected, outcome: 'rejected', reason }, () =>
                settleSuggestions(editor, selected, 'reject'),
              )
            }
          />
        </Flex>
      ) : null}
      {isEditable && mayDecide && suggestions.length > 1 ? (
        <Flex gap="1" wrap="wrap">
          <Button
            size="1"
            variant="outline"
            aria-describedby={headingId}
            onClick={() =>
              decide({ suggestionIds: allIds, outcome: 'accepted' }, () =>
                settleAllSuggestions(editor, 'accept'),
              )
            }
          >
            {t('paper.suggestions.acceptAll')}
          </Button>
          <RejectWithReason
            variant="outline"
            label={t('paper.suggestions.rejectAll')}
            confirmLabel={t('paper.suggestions.confirmRejectAll')}
            describedBy={headingId}
            onReject={(reason) =>
              decide({ suggestionIds: allIds, outcome: 'rejected', reason }, () =>
                settleAllSuggestions(editor, 'reject'),
              )
            }
          />
        </Flex>
      ) : null}
    </div>
  );
}
