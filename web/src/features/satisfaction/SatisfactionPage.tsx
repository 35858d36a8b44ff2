import { Alert, Card, DatePicker, Flex, List, Segmented, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { CRITERIA, useStrings, type Criterion } from './strings.ts';

type Averages = Record<Criterion, number>;
interface Summary {
  formula: string;
  total: { ratings: number; satisfied: number; rate: number | null; averages: Averages | null };
  groups: Array<{ key: string; label: string; ratings: number; satisfied: number; rate: number | null; averages: Averages }>;
}
interface RatingRow {
  id: string;
  dossierCode: string;
  comment: string | null;
  ratedAt: string;
  unitName: string;
  scores: Averages;
}
type GroupBy = 'unit' | 'official' | 'procedure' | 'month';
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);

/** Satisfaction aggregates per unit, receiving official, procedure or month, with the formula shown. */
export default function SatisfactionPage() {
  const { s, lang } = useStrings();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [groupBy, setGroupBy] = useState<GroupBy>('unit');
  const [data, setData] = useState<Summary | null>(null);
  const [comments, setComments] = useState<RatingRow[]>([]);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const from = range[0].format('YYYY-MM-DD');
    const to = range[1].format('YYYY-MM-DD');
    api
      .get<Summary>('/api/v1/ratings/summary', { from, to, groupBy })
      .then((d) => (setData(d), setError(undefined)))
      .catch(setError);
    api
      .get<{ items: RatingRow[] }>('/api/v1/ratings', { from, to, pageSize: 20 })
      .then((d) => setComments(d.items.filter((r) => r.comment)))
      .catch(() => setComments([]));
  }, [range, groupBy, lang]);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2}>{s.summaryTitle}</Typography.Title>
      <Flex gap={12} wrap align="center">
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} aria-label={`${s.from} – ${s.to}`} />
        <Segmented<GroupBy> value={groupBy} onChange={setGroupBy} options={[{ value: 'unit', label: s.byUnit }, { value: 'official', label: s.byOfficial }, { value: 'procedure', label: s.byProcedure }, { value: 'month', label: s.byMonth }]} />
      </Flex>
      <ProblemAlert error={error} />
      {data && (
        <>
          <Flex gap={16} wrap>
            <Card><Statistic title={s.ratings} value={data.total.ratings} /></Card>
            <Card><Statistic title={s.satisfied} value={data.total.satisfied} /></Card>
            <Card><Statistic title={s.rate} value={pct(data.total.rate)} /></Card>
          </Flex>
          <Alert type="info" showIcon title={`${s.formula}: ${data.formula}`} data-testid="satisfaction-formula" />
          <Table
            rowKey="key"
            dataSource={data.groups}
            pagination={false}
            locale={{ emptyText: s.noData }}
            columns={[
              { title: { unit: s.byUnit, official: s.byOfficial, procedure: s.byProcedure, month: s.byMonth }[groupBy], dataIndex: 'label' },
              { title: s.ratings, dataIndex: 'ratings', align: 'right' },
              { title: s.satisfied, dataIndex: 'satisfied', align: 'right' },
              { title: s.rate, dataIndex: 'rate', align: 'right', render: (r: number | null) => pct(r) },
              ...(Object.keys(CRITERIA) as Criterion[]).map((k) => ({ title: CRITERIA[k][lang], key: k, align: 'right' as const, render: (_: unknown, g: Summary['groups'][number]) => g.averages[k].toFixed(2) })),
            ]}
          />
          <Card title={s.comments}>
            <List dataSource={comments} locale={{ emptyText: s.noData }} renderItem={(r) => <List.Item><List.Item.Meta title={`${r.dossierCode} · ${r.unitName} · ${formatDateTime(r.ratedAt, { seconds: false })} · ${r.scores.overall}/5`} description={r.comment} /></List.Item>} />
          </Card>
        </>
      )}
    </Flex>
  );
}
