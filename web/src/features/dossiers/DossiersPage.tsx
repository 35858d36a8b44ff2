import { FileAddOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Grid, Input, List, Pagination, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { useApi } from '../../app/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { DOSSIERS_API, dossierPath, RECEIPT_PATH } from './dossierApi.ts';
import { labelOf, QUEUES, stepLabel, type DossierPageDto, type DossierSummaryDto, type QueueName } from './labels.ts';
import { StatusTag } from './StatusTag.tsx';
import { fmt, useStrings } from './strings.ts';
import './dossiers.css';

const PAGE = 20;

/** "Hoàn thành …" for a result, "Kết thúc …" for a withdrawal or a stop. */
const ended = (r: DossierSummaryDto, s: ReturnType<typeof useStrings>['s']) =>
  fmt(r.status === 'withdrawn' || r.status === 'cancelled' ? s.list.ended : s.list.finished, { date: formatDateTime(r.finishedAt, { seconds: false }) });
const QUEUE_ORDER = Object.keys(QUEUES) as QueueName[];
type Tab = QueueName | 'all';

/**
 * /ho-so: the officials' workbench — one tab per work queue the API offers for the caller (to receive, to process,
 * due soon, overdue, awaiting a supplement, to return) with its count, and every readable dossier; a search on
 * code, applicant, ID and phone (accent-insensitive, the server's). Queue, search and page live in the address
 * (?hang=&q=&trang=) so a view can be shared or reloaded. Without a chosen queue, the first non-empty one opens.
 */
export default function DossiersPage() {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  // On a phone the table becomes a list of cards: one dossier per card, nothing to scroll sideways.
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(params.get('trang') ?? 1) || 1);
  const chosen = params.get('hang') as Tab | null;
  const [qInput, setQInput] = useState(q);
  useEffect(() => setQInput(q), [q]);

  const counts = useApi<Record<QueueName, number>>(`${DOSSIERS_API}/queue-counts`);
  const validChosen = chosen && (chosen === 'all' || QUEUE_ORDER.includes(chosen)) ? chosen : null;
  const tab: Tab | null = validChosen ?? (counts.data ? (QUEUE_ORDER.find((k) => (counts.data?.[k] ?? 0) > 0) ?? 'all') : counts.error ? 'all' : null);
  const list = useApi<DossierPageDto>(tab === null ? null : DOSSIERS_API, { queue: tab === 'all' ? undefined : (tab ?? undefined), q: q || undefined, limit: PAGE, offset: (page - 1) * PAGE });

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('trang' in changes)) next.delete('trang');
    setParams(next, { replace: true });
  };

  const reload = () => {
    counts.reload();
    list.reload();
  };

  const columns = [
    {
      title: s.common.code,
      key: 'code',
      width: 190,
      render: (_: unknown, r: DossierSummaryDto) => (
        <Flex vertical>
          <Link to={dossierPath(r.id)} className="dossier-code" aria-label={fmt(s.common.open, { code: r.code })}>
            {r.code}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
            {fmt(s.list.received, { date: formatDateTime(r.receivedAt, { seconds: false }) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: s.common.applicant,
      key: 'applicant',
      render: (_: unknown, r: DossierSummaryDto) => (
        <span>{r.applicantName}</span>
      ),
    },
    { title: s.common.procedure, key: 'procedure', responsive: ['md' as const], render: (_: unknown, r: DossierSummaryDto) => <Typography.Text ellipsis={{ tooltip: r.procedure.name }} style={{ maxWidth: 320 }}>{r.procedure.name}</Typography.Text> },
    {
      title: s.common.currentStep,
      key: 'step',
      responsive: ['lg' as const],
      render: (_: unknown, r: DossierSummaryDto) =>
        r.currentStep ? (
          <Flex vertical>
            <span>{stepLabel(r.currentStep, lang)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
              {r.currentStep.unit.name}
              {r.currentStep.assignee ? ` · ${r.currentStep.assignee.name}` : ''}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: s.common.due,
      key: 'due',
      width: 170,
      responsive: ['sm' as const],
      render: (_: unknown, r: DossierSummaryDto) =>
        r.finishedAt ? (
          <Typography.Text type="secondary">{ended(r, s)}</Typography.Text>
        ) : (
          <Flex vertical>
            <span>{formatDateTime(r.dueAt, { seconds: false })}</span>
            {r.appointmentAt && r.appointmentAt !== r.dueAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
                {s.common.appointment}: {formatDateTime(r.appointmentAt, { seconds: false })}
              </Typography.Text>
            )}
          </Flex>
        ),
    },
    { title: s.common.status, key: 'status', width: 230, render: (_: unknown, r: DossierSummaryDto) => <StatusTag status={r.status} classification={r.classification} compact /> },
  ];

  const tabItems = [
    ...QUEUE_ORDER.map((k) => ({
      key: k,
      label: (
        <span data-testid={`queue-${k}`}>
          {labelOf(QUEUES, k, lang)}{' '}
          <Badge count={counts.data?.[k] ?? 0} showZero color={k === 'overdue' && (counts.data?.[k] ?? 0) > 0 ? '#c0261c' : k === 'due_soon' && (counts.data?.[k] ?? 0) > 0 ? '#d48806' : '#8c99ad'} overflowCount={999} />
        </span>
      ),
    })),
    { key: 'all', label: s.list.all },
  ];

  return (
    <>
      <PageHeader
        title={s.list.title}
        intro={s.list.intro}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {t('common.reload')}
            </Button>
            {can('dossiers.receive') && (
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate(RECEIPT_PATH)}>
                {s.list.receive}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <div role="search" style={{ marginBottom: 12 }}>
          <label htmlFor="dossier-search" className="sr-only">
            {s.list.search}
          </label>
          <Input.Search
            id="dossier-search"
            value={qInput}
            onChange={(e) => {
              setQInput(e.target.value);
              if (!e.target.value) set({ q: undefined });
            }}
            onSearch={(v) => set({ q: v.trim() || undefined, hang: v.trim() ? 'all' : (validChosen ?? undefined) })}
            placeholder={s.list.searchPlaceholder}
            allowClear
            enterButton={s.list.search}
            size="large"
          />
        </div>
        <nav aria-label={s.list.queues}>
          <Tabs activeKey={tab ?? undefined} onChange={(k) => set({ hang: k })} items={tabItems} />
        </nav>
        {(list.error || counts.error) && <ProblemAlert error={list.error ?? counts.error} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary" aria-live="polite" data-testid="dossiers-count" style={{ marginBottom: 8 }}>
          {list.data && !list.stale ? (list.data.total === 1 ? s.list.countOne : fmt(s.list.count, { count: list.data.total })) : null}
        </Typography.Paragraph>
        {phone ? (
          <>
            <List<DossierSummaryDto>
              loading={list.loading || tab === null}
              dataSource={list.data?.items ?? []}
              locale={{ emptyText: <Empty description={q ? s.list.noMatch : s.list.empty} /> }}
              renderItem={(r) => <DossierCard dossier={r} />}
            />
            {(list.data?.total ?? 0) > PAGE && (
              <Pagination simple current={page} pageSize={PAGE} total={list.data?.total ?? 0} onChange={(p) => set({ trang: p > 1 ? String(p) : undefined })} style={{ marginTop: 12, textAlign: 'center' }} />
            )}
          </>
        ) : (
        <Table<DossierSummaryDto>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading || tab === null}
          size="middle"
          locale={{ emptyText: <Empty description={q ? s.list.noMatch : s.list.empty} /> }}
          onRow={(r) => ({ onDoubleClick: () => navigate(dossierPath(r.id)), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: (p) => set({ trang: p > 1 ? String(p) : undefined }) }}
        />
        )}
      </Card>
    </>
  );
}

/** One dossier on a phone: code and status, applicant, procedure, where it is, and when it is due. */
function DossierCard({ dossier: r }: { dossier: DossierSummaryDto }) {
  const { s, lang } = useStrings();
  return (
    <List.Item style={{ display: 'block' }}>
      <Flex justify="space-between" align="flex-start" wrap gap={6}>
        <Link to={dossierPath(r.id)} className="dossier-code" aria-label={fmt(s.common.open, { code: r.code })}>
          {r.code}
        </Link>
        <StatusTag status={r.status} classification={r.classification} compact />
      </Flex>
      <Typography.Text strong style={{ display: 'block', marginTop: 4 }}>
        {r.applicantName}
      </Typography.Text>
      <Typography.Text style={{ display: 'block' }}>{r.procedure.name}</Typography.Text>
      {r.currentStep && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {stepLabel(r.currentStep, lang)} — {r.currentStep.unit.name}
          {r.currentStep.assignee ? ` · ${r.currentStep.assignee.name}` : ''}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        {r.finishedAt ? ended(r, s) : fmt(s.list.dueIn, { date: formatDateTime(r.dueAt, { seconds: false }) })}
      </Typography.Text>
    </List.Item>
  );
}
