import { type ConsultationDetail, type DashboardData, type InputMetric, SUGGESTION_STATES } from '@cw/shared';
import { Callout, Flex, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { shownGroupLabel } from '../../lib/group-label';
import { useSearchParams } from 'react-router';
import { ErrorCallout } from '../../ui/ErrorCallout';
import { LoadingState } from '../../ui/LoadingState';
import { dashboardQueryFromSearch, metricFromSearch } from './dashboard-filters';
import { DashboardFilters } from './DashboardFilters';
import { FiguresSection } from './FiguresSection';
import { GapList } from './GapList';
import { ParticipationSection } from './ParticipationSection';
import { useDashboard } from './useDashboard';
import './dashboard.css';

/**
 * Input by stakeholder group: gaps, figures by question, section and day, suggested changes by
 * outcome, participation.
 */
export function DashboardView({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const query = dashboardQueryFromSearch(
    search,
    consultation.sessions.filter((session) => session.kind === 'review').map((session) => session.id),
  );
  const dashboard = useDashboard(consultation.id, query);
  if (dashboard.isPending) return <LoadingState />;
  if (dashboard.error) return <ErrorCallout error={dashboard.error} />;
  // The rows' labels in the reader's language, for the charts, tables and gaps alike.
  const data = {
    ...dashboard.data,
    rows: dashboard.data.rows.map((row) => ({ ...row, label: shownGroupLabel(t, row.label) })),
  };
  return (
    <Flex direction="column" gap="5">
      <Text as="p">{t('dashboard.intro')}</Text>
      <DashboardFilters data={data} canSeeExact={consultation.role === 'admin'} />
      <Callout.Root color={data.view === 'exact' ? 'red' : 'blue'} variant="surface" role="note">
        <Callout.Text>
          {data.view === 'exact'
            ? t('dashboard.exactNotice')
            : t('dashboard.publishedNotice', { k: data.kThreshold })}
        </Callout.Text>
      </Callout.Root>
      <GapList data={data} />
      <Figures data={data} metric={metricFromSearch(search)} />
      <ParticipationSection data={data} />
    </Flex>
  );
}

function Figures({ data, metric }: { data: DashboardData; metric: InputMetric }) {
  const { t } = useTranslation();
  const metricName = t(`dashboard.metrics.${metric}`);
  return (
    <>
      <FiguresSection
        id="dashboard-questions"
        title={t('dashboard.byQuestion.title')}
        caption={t('dashboard.byQuestion.caption', { metric: metricName })}
        empty={t('dashboard.byQuestion.empty')}
        kind="bars"
        data={data}
        table={data.byQuestion}
        metric={metric}
        columns={data.questions.map((question) => ({
          key: question.id,
          label: t('dashboard.byQuestion.column', { number: question.number }),
          title: question.text,
        }))}
      />
      <FiguresSection
        id="dashboard-sections"
        title={t('dashboard.bySection.title')}
        caption={t('dashboard.bySection.caption', { metric: metricName })}
        empty={t('dashboard.bySection.empty')}
        kind="bars"
        data={data}
        table={data.bySection}
        metric={metric}
        columns={data.sections.map((section) => ({
          key: section.id,
          label: t('dashboard.bySection.column', { number: section.number }),
          title: section.title,
        }))}
      />
      <FiguresSection
        id="dashboard-activity"
        title={t('dashboard.activity.title')}
        caption={t('dashboard.activity.caption', { metric: metricName, timezone: data.timezone })}
        empty={t('dashboard.activity.empty')}
        kind="line"
        data={data}
        table={data.byDay}
        metric={metric}
        columns={data.days.map((day) => ({ key: day, label: day }))}
      />
      <FiguresSection
        id="dashboard-suggestions"
        title={t('dashboard.suggestions.title')}
        caption={t('dashboard.suggestions.caption')}
        empty=""
        kind="bars"
        data={data}
        table={data.bySuggestionState}
        metric="suggestions"
        columns={SUGGESTION_STATES.map((state) => ({
          key: state,
          label: t(`dashboard.suggestions.states.${state}`),
        }))}
      />
    </>
  );
}
