import type { ConsultationDetail, Thread } from '@cw/shared';
import { Badge, Blockquote, Button, Card, Flex, Link, Text } from '@radix-ui/themes';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownGroupLabel } from '../../lib/group-label';
import { Link as RouterLink } from 'react-router';
import { focusWhenShown } from '../../ui/focus';
import { AuthorLine } from './AuthorLine';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';
import { mayOnThread } from './input-actions';
import { ResolveForm } from './ResolveForm';
import {
  addedComment,
  commentId,
  EMPTY_THREADS_ID,
  neighbourOpenThread,
  resolutionId,
  threadCardId,
} from './thread-focus';
import type { useThreadActions } from './useThreads';

interface ThreadCardProps {
  thread: Thread;
  consultation: ConsultationDetail;
  actions: ReturnType<typeof useThreadActions>;
  /** Offers to scroll the paper to the thread's passage; without it, a card links to the passage in the paper. */
  onShowPassage?: () => void;
  isFocused?: boolean;
  /** The passage's text is gone, as the live paper shows it (the server's flag can be older). */
  isPassageRemoved?: boolean;
}

/** A thread's name as its card's heading gives it: who opened it, as the viewer may see them. */
export function useThreadTitle(): (thread: Thread) => string {
  const { t } = useTranslation();
  return (thread) =>
    t('threads.card.title', {
      label: thread.author.isYou ? t('threads.author.you') : shownGroupLabel(t, thread.author.label),
    });
}

/** Threads as a list of cards, in the order given. */
export function ThreadCardList({
  threads,
  consultation,
  actions,
}: Pick<ThreadCardProps, 'consultation' | 'actions'> & { threads: readonly Thread[] }) {
  return (
    <Flex direction="column" gap="3" asChild>
      <ul className="plain-list">
        {threads.map((thread) => (
          <li key={thread.id}>
            <ThreadCard thread={thread} consultation={consultation} actions={actions} />
          </li>
        ))}
      </ul>
    </Flex>
  );
}

/** One thread: passage, comments, resolution, and what this member may do with it. */
export function ThreadCard({
  thread,
  consultation,
  actions,
  onShowPassage,
  isFocused,
  isPassageRemoved = thread.anchor?.isPassageRemoved ?? false,
}: ThreadCardProps) {
  const { t } = useTranslation();
  const title = useThreadTitle();
  // One form at a time keeps long lists calm: replying or resolving opens in place.
  const [openForm, setOpenForm] = useState<'reply' | 'resolve' | null>(null);
  // A form left without posting gives the focus back to the button that opened it.
  const returnFocusTo = useRef<'reply' | 'resolve' | null>(null);
  const closeForm = () => {
    returnFocusTo.current = openForm;
    setOpenForm(null);
  };
  const opener = (form: 'reply' | 'resolve') => (button: HTMLButtonElement | null) => {
    if (!button || returnFocusTo.current !== form) return;
    returnFocusTo.current = null;
    button.focus();
  };
  const cardRef = useRef<HTMLElement>(null);
  const mayReply = mayOnThread(consultation, 'threads.reply', thread);
  const mayResolve = mayOnThread(consultation, 'threads.resolve', thread);
  const mayReopen = mayOnThread(consultation, 'threads.reopen', thread);
  const headingId = `thread-${thread.id}`;
  return (
    <Card asChild className={isFocused ? 'thread-card thread-card--focused' : 'thread-card'}>
      <article
        aria-labelledby={headingId}
        data-thread-id={thread.id}
        data-thread-status={thread.status}
        id={threadCardId(thread.id)}
        tabIndex={-1}
        ref={cardRef}
      >
        <Flex direction="column" gap="2">
          <Flex gap="2" align="center" wrap="wrap">
            <Text as="p" size="2" weight="bold" id={headingId}>
              {title(thread)}
            </Text>
            <Badge color={thread.status === 'open' ? 'blue' : 'green'}>
              {t(`threads.status.${thread.status}`)}
            </Badge>
            {thread.suggestionId ? (
              <Badge color="gray" highContrast>
                {t('threads.card.onSuggestion')}
              </Badge>
            ) : null}
          </Flex>
          {thread.anchor ? (
            <Flex direction="column" gap="1">
              {isPassageRemoved ? (
                <Text size="1" color="orange" highContrast>
                  {t('threads.anchor.removed')}
                </Text>
              ) : thread.anchor.isPassageChanged ? (
                <Text size="1" color="orange" highContrast>
                  {t('threads.anchor.changed')}
                </Text>
              ) : null}
              <Blockquote size="2" className="thread-card__quote user-text">
                {thread.anchor.quote}
              </Blockquote>
              {isPassageRemoved ? null : onShowPassage ? (
                <Flex>
                  <Button size="1" variant="ghost" onClick={onShowPassage}>
                    {t('threads.anchor.show')}
                  </Button>
                </Flex>
              ) : (
                <Link asChild size="2">
                  <RouterLink to={`/consultations/${consultation.id}/paper#thread-${thread.id}`}>
                    {t('threads.anchor.inPaper')}
                  </RouterLink>
                </Link>
              )}
            </Flex>
          ) : null}
          <ol className="plain-list thread-comments" aria-label={t('threads.card.comments')}>
            {thread.comments.map((posted) => (
              <CommentItem key={posted.id} consultation={consultation} comment={posted} actions={actions} />
            ))}
          </ol>
          {thread.resolution ? (
            <Card
              variant="surface"
              className="thread-card__resolution"
              id={resolutionId(thread.id)}
              tabIndex={-1}
            >
              <Flex direction="column" gap="1">
                <Text size="2" weight="bold">
                  {t('threads.resolution.summary', {
                    outcome: t(`threads.outcomes.${thread.resolution.outcome}`),
                  })}
                </Text>
                {thread.resolution.note ? (
                  <Text as="p" size="2" className="preserve-lines">
                    {thread.resolution.note}
                  </Text>
                ) : null}
                <AuthorLine author={thread.resolution.resolver} at={thread.resolution.resolvedAt} />
              </Flex>
            </Card>
          ) : null}
          {mayReply && openForm === 'reply' ? (
            <CommentForm
              label={t('threads.reply.label')}
              submitLabel={t('threads.reply.submit')}
              cancelLabel={t('common.cancel')}
              isPending={actions.reply.isPending && actions.reply.variables?.threadId === thread.id}
              error={actions.reply.variables?.threadId === thread.id ? actions.reply.error : null}
              autoFocus
              onSubmit={(body) =>
                actions.reply.mutateAsync({ threadId: thread.id, body }).then((fresh) => {
                  setOpenForm(null);
                  const added = addedComment(thread, fresh);
                  if (added) focusWhenShown(commentId(added));
                })
              }
              onCancel={closeForm}
            />
          ) : mayResolve && openForm === 'resolve' ? (
            <ResolveForm
              threadId={thread.id}
              actions={actions}
              onCancel={closeForm}
              focusAfter={() => {
                const next = neighbourOpenThread(cardRef.current);
                return next ? [next] : [resolutionId(thread.id), EMPTY_THREADS_ID];
              }}
            />
          ) : (
            <Flex gap="2" wrap="wrap">
              {mayReply ? (
                <Button size="1" variant="soft" ref={opener('reply')} onClick={() => setOpenForm('reply')}>
                  {t('threads.reply.open')}
                </Button>
              ) : null}
              {mayResolve ? (
                <Button
                  size="1"
                  variant="soft"
                  ref={opener('resolve')}
                  onClick={() => setOpenForm('resolve')}
                >
                  {t('threads.resolution.open')}
                </Button>
              ) : null}
              {mayReopen ? (
                <Button
                  size="1"
                  variant="soft"
                  loading={actions.reopen.isPending && actions.reopen.variables === thread.id}
                  onClick={() => actions.reopen.mutate(thread.id)}
                >
                  {t('threads.resolution.reopen')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Flex>
      </article>
    </Card>
  );
}
