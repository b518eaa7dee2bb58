import type { ConsultationDetail, Thread } from '@cw/shared';
import { Flex, Heading } from '@radix-ui/themes';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ThreadCard } from '../threads/ThreadCard';
import type { useThreadActions } from '../threads/useThreads';

/** Threads whose position in the text is known come in that order; the others follow. */
function inPassageOrder(threads: readonly Thread[], order: readonly string[]): Thread[] {
  const rank = (thread: Thread) => {
    const index = order.indexOf(thread.id);
    return index === -1 ? order.length : index;
  };
  return [...threads].sort((a, b) => rank(a) - rank(b));
}

/** The section's threads in its margin, beside the passages they are anchored to. */
export function SectionThreads({
  consultation,
  sectionNumber,
  threads,
  passageOrder,
  focusedThreadId,
  actions,
  onShowPassage,
  listRef,
}: {
  consultation: ConsultationDetail;
  sectionNumber: string;
  threads: readonly Thread[];
  /** Ids of the threads whose passage is in the text now, in text order. */
  passageOrder: readonly string[] | null;
  focusedThreadId: string | null;
  actions: ReturnType<typeof useThreadActions>;
  onShowPassage: (threadId: string) => void;
  /** Receives the card list, which the margin lays out beside the passages. */
  listRef: (list: HTMLUListElement | null) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  if (threads.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="paper-section__threads">
      <Flex direction="column" gap="2">
        <Heading as="h3" size="2" id={headingId}>
          {t('threads.margin.title', { number: sectionNumber })}
        </Heading>
        <Flex direction="column" gap="2" asChild>
          <ul className="plain-list paper-thread-cards" ref={listRef}>
            {inPassageOrder(threads, passageOrder ?? []).map((thread) => (
              <li key={thread.id} data-thread-id={thread.id}>
                <ThreadCard
                  thread={thread}
                  consultation={consultation}
                  actions={actions}
                  isFocused={focusedThreadId === thread.id}
                  isPassageRemoved={
                    thread.anchor?.isPassageRemoved === true ||
                    (passageOrder !== null && !passageOrder.includes(thread.id))
                  }
                  onShowPassage={() => onShowPassage(thread.id)}
                />
              </li>
            ))}
          </ul>
        </Flex>
      </Flex>
    </section>
  );
}
