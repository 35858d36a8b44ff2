/**
 * Public scoreboard of the Decision 766 index (/chi-so-phuc-vu, no sign-in): the ranking of the sub-units of a unit
 * (default: the top unit) for a year, quarter or month, with the points of each group. Like the national portal's
 * board, it shows aggregates only.
 */
import { Button, Card, Flex, Layout, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useApi } from '../../app/useApi.ts';
import { formatDate, todayVn } from '../../i18n/format.ts';
import type { Index766 } from '../../../../contracts/dashboard.ts';
import { EChart, type EChartOption } from './EChart.tsx';
import { fmt, num, pct, useStrings } from './strings.ts';
import './dashboard.css';

type Row = Index766['ranking'][number];

export default function PublicScoreboardPage() {
  const { s, lang } = useStrings();
  useDocumentTitle(s.publicTitle);
  const [params, setParams] = useSearchParams();
  const year = Number(todayVn().slice(0, 4));
  const period = params.get('period') ?? String(year);
  const unitId = params.get('unitId') ?? undefined;
  const kind = period.includes('Q') ? 'quarter' : period.length === 7 ? 'month' : 'year';
  const { data, error, loading } = useApi<Index766>('/api/v1/public/index766', { period, ...(unitId ? { unitId } : {}) });
  const years = Array.from({ length: 5 }, (_, i) => year - i);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const option = useMemo<EChartOption>(() => {
    const r = (data?.ranking ?? []).filter((x) => x.score !== null);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 200, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', inverse: true, data: r.map((x) => x.name), axisLabel: { width: 190, overflow: 'truncate' } },
      series: [{ type: 'bar', name: s.score, data: r.map((x) => x.score), itemStyle: { color: '#c0392b' }, label: { show: true, position: 'right', formatter: (p: { value: number }) => num(p.value, lang) } }],
    };
  }, [data, s, lang]);
  const groups = data?.total.groups ?? [];
  return (
    <Layout style={{ minHeight: '100vh', background: '#fff' }}>
      <Layout.Header style={{ background: '#b71c1c', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
        <Typography.Text style={{ color: '#fff', fontWeight: 600, fontSize: 18 }}>{s.publicTitle}</Typography.Text>
        <Flex gap={8} align="center">
          <LanguageSwitch />
          <Link to="/dang-nhap"><Button size="small">{s.signIn}</Button></Link>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, margin: '0 auto', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>{data ? `${s.index766} — ${data.parent.name}` : s.index766}</Typography.Title>
        <Typography.Paragraph type="secondary">{s.publicIntro}</Typography.Paragraph>
        <Flex gap={12} wrap className="dashboard-controls" style={{ marginBottom: 16 }}>
          <Segmented
            aria-label={s.period}
            value={kind}
            options={[{ value: 'year', label: s.year }, { value: 'quarter', label: s.quarter }, { value: 'month', label: s.month }]}
            onChange={(k) => set({ period: k === 'year' ? period.slice(0, 4) : k === 'quarter' ? `${period.slice(0, 4)}-Q1` : `${period.slice(0, 4)}-01` })}
          />
          <Select aria-label={s.year} value={period.slice(0, 4)} style={{ width: 100 }} options={years.map((y) => ({ value: String(y), label: String(y) }))} onChange={(y) => set({ period: `${y}${period.slice(4)}` })} />
          {kind === 'quarter' && <Select aria-label={s.quarter} value={period.slice(5)} style={{ width: 90 }} options={['Q1', 'Q2', 'Q3', 'Q4'].map((q) => ({ value: q, label: q }))} onChange={(q) => set({ period: `${period.slice(0, 4)}-${q}` })} />}
          {kind === 'month' && <Select aria-label={s.month} value={period.slice(5)} style={{ width: 90 }} options={Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((m) => ({ value: m, label: m }))} onChange={(m) => set({ period: `${period.slice(0, 4)}-${m}` })} />}
          {unitId && <Button onClick={() => set({ unitId: undefined })}>↑</Button>}
        </Flex>
        {error && <ProblemAlert error={error} />}
        {data && (
          <div aria-busy={loading}>
            <Typography.Paragraph>
              {formatDate(data.from)} – {formatDate(data.to)} · {fmt(s.version, { v: data.version.code })} · <strong>{num(data.total.points, lang)}</strong> / {num(data.total.availableMax, lang)} {s.points.toLowerCase()}
            </Typography.Paragraph>
            {data.ranking.some((r) => r.score !== null) && (
              <Card size="small" style={{ marginBottom: 16 }}>
                <EChart option={option} height={Math.max(160, 30 * data.ranking.filter((r) => r.score !== null).length + 40)} label={s.index766} />
              </Card>
            )}
            <Table<Row>
              rowKey="unitId"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              data-testid="scoreboard"
              dataSource={data.ranking}
              columns={[
                { key: 'rank', title: s.rank, width: 70, render: (_, r) => (r.rank ? <Tag color={r.rank <= 3 ? 'gold' : undefined}>{r.rank}</Tag> : '—') },
                { key: 'name', title: s.unit, render: (_, r) => <Button type="link" size="small" onClick={() => set({ unitId: r.unitId })}>{r.name}</Button> },
                { key: 'score', title: s.score, align: 'right', render: (_, r) => pct(r.score === null ? null : r.score / 100, lang) },
                { key: 'points', title: s.points, align: 'right', render: (_, r) => `${num(r.points, lang)} / ${num(r.availableMax, lang)}` },
                ...groups.map((g) => ({
                  key: g.code,
                  title: `${g.code}. ${g.name} (${g.max})`,
                  align: 'right' as const,
                  render: (_: unknown, r: Row) => {
                    const x = r.groups.find((y) => y.code === g.code);
                    return x && x.availableMax ? num(x.points, lang) : <Typography.Text type="secondary">{s.notAvailable}</Typography.Text>;
                  },
                })),
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>{data.version.source}</Typography.Paragraph>
          </div>
        )}
      </Layout.Content>
    </Layout>
  );
}
