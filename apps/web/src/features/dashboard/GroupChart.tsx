import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { groupColour } from './group-colours';

/** Room for a stakeholder group's name beside its bars, in pixels. */
const ROW_LABEL_WIDTH = 240;

interface GroupChartProps {
  /** `bars` for columns along the x axis; `rows` for long labels, one bar row per label. */
  kind: 'bars' | 'rows' | 'line';
  caption: string;
  /** One bar or line per series (the stakeholder groups, or the participation figures). */
  series: readonly { key: string; name: string }[];
  /** One point per column: `label` and each series' value under its key (null: hidden). */
  data: Record<string, string | number | null>[];
}

/**
 * A chart of figures by group. It is an image to assistive technology, named after its
 * caption; the table that follows carries the same figures.
 */
export function GroupChart({ kind, caption, series, data }: GroupChartProps) {
  const { t } = useTranslation();
  const marks = series.map(({ key, name }, index) =>
    kind !== 'line' ? (
      <Bar key={key} dataKey={key} name={name} fill={groupColour(index)} />
    ) : (
      <Line
        key={key}
        dataKey={key}
        name={name}
        stroke={groupColour(index)}
        strokeWidth={2}
        dot={false}
        connectNulls={false}
      />
    ),
  );
  const isRows = kind === 'rows';
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    isRows ? <XAxis key="x" type="number" allowDecimals={false} /> : <XAxis key="x" dataKey="label" />,
    isRows ? (
      <YAxis key="y" type="category" dataKey="label" width={ROW_LABEL_WIDTH} />
    ) : (
      <YAxis key="y" allowDecimals={false} />
    ),
    <Tooltip key="tooltip" />,
    // In the series' order, so colours read in the same order as the table's rows; its words in the
    // text colour (4.5:1), where Recharts would write each in its series' colour.
    <Legend
      key="legend"
      itemSorter={null}
      formatter={(value: string) => <span className="chart-legend__text">{value}</span>}
    />,
  ];
  return (
    <div role="img" aria-label={t('dashboard.chartLabel', { caption })} className="dashboard-chart">
      <ResponsiveContainer width="100%" height={280}>
        {kind !== 'line' ? (
          <BarChart data={data} layout={isRows ? 'vertical' : 'horizontal'} accessibilityLayer={false}>
            {axes}
            {marks}
          </BarChart>
        ) : (
          <LineChart data={data} accessibilityLayer={false}>
            {axes}
            {marks}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
