import { DASHBOARD_VIEWS, INPUT_METRICS, PHASES, type DashboardData } from '@cw/shared';
import { Flex, TextField } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormField } from '../../ui/FormField';
import { type DashboardFilterName, metricFromSearch, withDashboardFilter } from './dashboard-filters';

/** Radix selects cannot hold an empty value, so "any" has a name of its own. */
const ANY = 'any';

/** Session, phase, day, figure and (for admins) view, kept in the address so a view can be shared. */
export function DashboardFilters({ data, canSeeExact }: { data: DashboardData; canSeeExact: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const choose = (name: DashboardFilterName) => (value: string) =>
    setSearch(withDashboardFilter(search, name, value === ANY ? '' : value), { replace: true });
  return (
    <Flex gap="3" wrap="wrap" role="group" aria-label={t('dashboard.filters.title')}>
      <FormField label={t('dashboard.filters.session')}>
        {(control) => (
          <ChoiceSelect
            {...control}
            value={data.filters.sessionId ?? ANY}
            onChange={choose('session')}
            choices={[
              { value: ANY, label: t('dashboard.filters.anySession') },
              ...data.sessions.map((session) => ({ value: session.id, label: session.title })),
            ]}
          />
        )}
      </FormField>
      <FormField label={t('dashboard.filters.phase')}>
        {(control) => (
          <ChoiceSelect
            {...control}
            value={data.filters.phase ?? ANY}
            onChange={choose('phase')}
            choices={[
              { value: ANY, label: t('dashboard.filters.anyPhase') },
              ...PHASES.map((phase) => ({ value: phase, label: t(`phases.${phase}`) })),
            ]}
          />
        )}
      </FormField>
      <FormField
        label={t('dashboard.filters.day')}
        hint={t('dashboard.filters.dayHint', { zone: data.timezone })}
      >
        {(control) => (
          <TextField.Root
            {...control}
            type="date"
            value={data.filters.day ?? ''}
            onChange={(event) => choose('day')(event.target.value || ANY)}
          />
        )}
      </FormField>
      <FormField label={t('dashboard.filters.metric')}>
        {(control) => (
          <ChoiceSelect
            {...control}
            value={metricFromSearch(search)}
            onChange={choose('metric')}
            choices={INPUT_METRICS.map((metric) => ({
              value: metric,
              label: t(`dashboard.metrics.${metric}`),
            }))}
          />
        )}
      </FormField>
      {canSeeExact ? (
        <FormField label={t('dashboard.filters.view')}>
          {(control) => (
            <ChoiceSelect
              {...control}
              value={data.view}
              onChange={choose('view')}
              choices={DASHBOARD_VIEWS.map((view) => ({ value: view, label: t(`dashboard.views.${view}`) }))}
            />
          )}
        </FormField>
      ) : null}
    </Flex>
  );
}
