import type { TextChange } from '@cw/shared';
import { VisuallyHidden } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';

/**
 * A section's word-level diff. Additions are `<ins>` (underlined), removals `<del>` (struck
 * through), each also named for screen readers, so nothing depends on colour.
 */
export function TextChanges({ changes }: { changes: readonly TextChange[] }) {
  const { t } = useTranslation();
  return (
    <p className="version-diff">
      {changes.map((change, index) => {
        if (change.kind === 'added') {
          return (
            <ins key={index}>
              <VisuallyHidden>{t('versions.compare.addedMarker')}</VisuallyHidden>
              {change.text}
            </ins>
          );
        }
        if (change.kind === 'removed') {
          return (
            <del key={index}>
              <VisuallyHidden>{t('versions.compare.removedMarker')}</VisuallyHidden>
              {change.text}
            </del>
          );
        }
        return <span key={index}>{change.text}</span>;
      })}
    </p>
  );
}
