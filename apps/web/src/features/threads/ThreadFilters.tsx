import { THREAD_STATUSES, type ConsultationDetail, type ThreadStatus } from '@cw/shared';
import { Flex } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormField } from '../../ui/FormField';
import { SearchBox } from '../search/SearchBox';
import { ANY_FILTER as ANY, groupFilterChoices, withFilter } from './thread-filters';

/**
 * The search box and the status, section and stakeholder-group filters, kept in the address. `defaultStatus`: the
 * status the view lists when the address names none (shown as chosen).
 */
export function ThreadFilters({
  consultation,
  filters = ['status', 'section', 'group'],
  defaultStatus,
}: {
  consultation: ConsultationDetail;
  filters?: readonly ('status' | 'section' | 'group')[];
  defaultStatus?: ThreadStatus;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const defaults: Record<string, string> = { status: defaultStatus ?? ANY };
  // Choosing a filter's default clears it from the address; anything else is written in it.
  const choose = (name: 'status' | 'section' | 'group') => (value: string) =>
    setSearch(withFilter(search, name, value === (defaults[name] ?? ANY) ? '' : value), { replace: true });
  const current = (name: string) => search.get(name) ?? defaults[name] ?? ANY;
  const sections = [...consultation.sections].sort((a, b) => a.position - b.position);
  return (
    <Flex gap="3" wrap="wrap" role="group" aria-label={t('threads.filters.title')}>
      <SearchBox />
      {filters.includes('status') ? (
        <FormField label={t('threads.filters.status')}>
          {(control) => (
            <ChoiceSelect
              {...control}
              value={current('status')}
              onChange={choose('status')}
              choices={[
                { value: ANY, label: t('threads.filters.anyStatus') },
                ...THREAD_STATUSES.map((status) => ({ value: status, label: t(`threads.status.${status}`) })),
              ]}
            />
          )}
        </FormField>
      ) : null}
      {filters.includes('section') ? (
        <FormField label={t('threads.filters.section')}>
          {(control) => (
            <ChoiceSelect
              {...control}
              value={current('section')}
              onChange={choose('section')}
              choices={[
                { value: ANY, label: t('threads.filters.anySection') },
                ...sections.map((section) => ({
                  value: section.id,
                  label: t('paper.sectionHeading', { number: section.number, title: section.title }),
                })),
              ]}
            />
          )}
        </FormField>
      ) : null}
      {filters.includes('group') ? (
        <FormField label={t('threads.filters.group')}>
          {(control) => (
            <ChoiceSelect
              {...control}
              value={current('group')}
              onChange={choose('group')}
              choices={[
                { value: ANY, label: t('threads.filters.anyGroup') },
                ...groupFilterChoices(consultation).map((choice) => ({
                  value: choice.key,
                  label: choice.value === null ? t('threads.filters.pooled') : choice.label,
                })),
              ]}
            />
          )}
        </FormField>
      ) : null}
    </Flex>
  );
}
