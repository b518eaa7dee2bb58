import type { Comment } from '@cw/shared';
import { Button, Flex, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { shownGroupLabel } from '../../lib/group-label';
import { formatList } from '../../lib/list-format';

interface EndorseControlProps {
  comment: Comment;
  /** The member may endorse this comment, or withdraw their endorsement, now. */
  mayToggle: boolean;
  isPending: boolean;
  onToggle: (endorse: boolean) => void;
}

/** Endorsements counted per stakeholder group, and the viewer's own endorse/withdraw toggle. */
export function EndorseControl({ comment, mayToggle, isPending, onToggle }: EndorseControlProps) {
  const { t, i18n } = useTranslation();
  if (comment.endorsementTotal === 0 && !mayToggle) return null;
  return (
    <Flex gap="2" align="center" wrap="wrap">
      {comment.endorsements.length > 0 ? (
        <Text size="1" color="gray" highContrast>
          {t('threads.endorsements.summary', {
            groups: formatList(
              comment.endorsements.map((entry) =>
                t('threads.endorsements.group', {
                  group: shownGroupLabel(t, entry.label),
                  count: entry.count,
                }),
              ),
              i18n.language,
            ),
          })}
        </Text>
      ) : null}
      {mayToggle ? (
        <Button
          size="1"
          variant={comment.isEndorsedByYou ? 'solid' : 'soft'}
          aria-pressed={comment.isEndorsedByYou}
          loading={isPending}
          onClick={() => onToggle(!comment.isEndorsedByYou)}
        >
          {comment.isEndorsedByYou ? t('threads.endorsements.withdraw') : t('threads.endorsements.endorse')}
        </Button>
      ) : null}
    </Flex>
  );
}
