import { EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Grid, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useApi } from '../../app/useApi.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import {
  AUTHORITY_LEVELS,
  DOCUMENT_FORMS,
  FIELD_NAMES,
  formatDuration,
  formatMoney,
  labelOf,
  ONLINE_LEVELS,
  PROCEDURE_FIELDS,
  PROCEDURE_STATUSES,
  STEP_KINDS,
  STEP_ROLES,
  type ProcedureDetailDto,
  type ProcedureVersionDto,
  type VersionListItemDto,
} from './labels.ts';
import { fmt, useStrings } from './strings.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginTop: 24 }}>
      <Typography.Title level={3} style={{ fontSize: 16, marginBottom: 8 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

interface Props {
  target: { id: string; asOf?: string } | null;
  onClose(): void;
  /** Shown to editors: opens the edit form on the procedure as loaded. */
  onEdit?(p: ProcedureDetailDto): void;
  /** Bumped by the page after a change, to reload. */
  reloadKey?: number;
}

/**
 * One procedure: what an applicant needs (documents with their forms, time, fees, where), how it is processed
 * (steps with their share of the time), its legal bases, and its version history — any version can be opened.
 */
export function ProcedureDrawer({ target, onClose, onEdit, reloadKey = 0 }: Props) {
  const { s, lang } = useStrings();
  const screens = Grid.useBreakpoint();
  const [versionNo, setVersionNo] = useState<number | null>(null);
  const detail = useApi<ProcedureDetailDto>(target ? `/api/v1/procedures/${target.id}` : null, target?.asOf ? { asOf: target.asOf } : undefined);
  const history = useApi<VersionListItemDto[]>(target ? `/api/v1/procedures/${target.id}/versions` : null);
  const old = useApi<ProcedureVersionDto>(target && versionNo ? `/api/v1/procedures/${target.id}/versions/${versionNo}` : null);
  useEffect(() => setVersionNo(null), [target?.id]);
  useEffect(() => {
    if (reloadKey) {
      detail.reload();
      history.reload();
    }
    // reload functions are stable
  }, [reloadKey]);

  const p = detail.data && target && detail.data.id === target.id ? detail.data : undefined;
  const shown: ProcedureVersionDto | undefined = versionNo && old.data?.versionNo === versionNo ? old.data : p;
  const unitName = (id: string) => p?.implementingUnits.find((u) => u.id === id)?.name ?? id;

  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={p ? p.name : s.catalogue.title}
      extra={
        p && onEdit && !versionNo ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(p)}>
            {s.detail.edit}
          </Button>
        ) : undefined
      }
    >
      {detail.error && <ProblemAlert error={detail.error} />}
      {!shown ? (
        detail.loading && <Loading />
      ) : (
        <>
          {versionNo && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={fmt(s.detail.showingVersion, { no: versionNo })}
              action={
                <Button size="small" onClick={() => setVersionNo(null)}>
                  {s.detail.backToCurrent}
                </Button>
              }
            />
          )}
          {!versionNo && p && p.scheduled.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={fmt(s.detail.scheduled, { date: formatDate(p.scheduled[0].effectiveFrom) })} />}
          <Typography.Paragraph type="secondary">
            {fmt(s.detail.version, { no: shown.versionNo, date: formatDate(shown.effectiveFrom) })}
            {p && !p.inForce && !versionNo && <Tag style={{ marginInlineStart: 8 }}>{s.detail.notInForce}</Tag>}
            {p?.isDemo && (
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                {s.catalogue.demo}
              </Tag>
            )}
            {shown.status !== 'active' && <Tag color={shown.status === 'abolished' ? 'red' : 'orange'}>{labelOf(PROCEDURE_STATUSES, shown.status, lang)}</Tag>}
          </Typography.Paragraph>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 220 } }}>
            <Descriptions.Item label={s.detail.nationalCode}>
              {shown.nationalCode ?? '—'}
              {shown.nationalCodeUnconfirmed && <Tag style={{ marginInlineStart: 8 }}>{s.catalogue.unconfirmedCode}</Tag>}
            </Descriptions.Item>
            {p && <Descriptions.Item label={s.detail.localCode}>{p.code}</Descriptions.Item>}
            <Descriptions.Item label={s.catalogue.field}>{labelOf(PROCEDURE_FIELDS, shown.field, lang)}</Descriptions.Item>
            <Descriptions.Item label={s.catalogue.level}>{labelOf(AUTHORITY_LEVELS, shown.authorityLevel, lang)}</Descriptions.Item>
            <Descriptions.Item label={s.detail.implementing}>{shown.implementingUnitIds.map(unitName).join('; ')}</Descriptions.Item>
            <Descriptions.Item label={s.detail.timeCounter}>{formatDuration(shown.processingTime, lang, s.catalogue.onTheSpot)}</Descriptions.Item>
            <Descriptions.Item label={s.detail.timeOnline}>{shown.processingTimeOnline ? formatDuration(shown.processingTimeOnline, lang, s.catalogue.onTheSpot) : s.detail.sameAsCounter}</Descriptions.Item>
            <Descriptions.Item label={s.catalogue.online}>{labelOf(ONLINE_LEVELS, shown.onlineLevel, lang)}</Descriptions.Item>
            <Descriptions.Item label={s.detail.result}>{shown.resultType}</Descriptions.Item>
            <Descriptions.Item label={s.detail.digitised}>{shown.resultDigitised ? '✓' : '—'}</Descriptions.Item>
            {shown.decisionRef && <Descriptions.Item label={s.detail.decision}>{shown.decisionRef}</Descriptions.Item>}
          </Descriptions>

          <Section title={s.detail.documents}>
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={shown.documents}
              columns={[
                { title: '#', key: 'i', width: 40, render: (_: unknown, __: unknown, i: number) => i + 1 },
                { title: s.detail.docName, dataIndex: 'name', key: 'name', render: (v: string, d) => (d.note ? <>{v} <Typography.Text type="secondary">({d.note})</Typography.Text></> : v) },
                { title: s.detail.docForm, key: 'form', width: 150, render: (_: unknown, d) => labelOf(DOCUMENT_FORMS, d.form, lang) },
                { title: s.detail.docCount, dataIndex: 'count', key: 'count', width: 80, align: 'right' },
                {
                  title: s.detail.template,
                  key: 'tpl',
                  width: 180,
                  render: (_: unknown, d) =>
                    d.templateFile ? (
                      <span>
                        <FileWordOutlined aria-hidden /> {d.templateFile}
                      </span>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Section>

          <Section title={s.catalogue.fees}>
            {shown.fees.length === 0 ? (
              <Typography.Text>{s.catalogue.free}</Typography.Text>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="name"
                dataSource={shown.fees}
                columns={[
                  { title: s.detail.feeName, dataIndex: 'name', key: 'name', render: (v: string, f) => (f.note ? <>{v} <Typography.Text type="secondary">({f.note})</Typography.Text></> : v) },
                  { title: s.detail.amount, key: 'amount', width: 140, align: 'right', render: (_: unknown, f) => (f.amount === 0 ? s.catalogue.free : formatMoney(f.amount)) },
                ]}
              />
            )}
          </Section>

          {shown.steps.length > 0 && (
            <Section title={s.detail.steps}>
              <Table
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={shown.steps}
                columns={[
                  { title: '#', key: 'i', width: 40, render: (_: unknown, __: unknown, i: number) => i + 1 },
                  { title: s.detail.steps, key: 'kind', render: (_: unknown, st) => st.name ?? labelOf(STEP_KINDS, st.kind, lang) },
                  { title: s.detail.stepRole, key: 'role', width: 150, render: (_: unknown, st) => labelOf(STEP_ROLES, st.role, lang) },
                  { title: s.detail.stepShare, key: 'share', width: 110, align: 'right', render: (_: unknown, st) => `${st.sharePercent} %` },
                ]}
              />
            </Section>
          )}

          {shown.legalBases.length > 0 && (
            <Section title={s.detail.legalBases}>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {shown.legalBases.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </Section>
          )}

          <Section title={s.detail.history}>
            {history.data && (
              <Timeline
                items={history.data.map((v) => ({
                  key: v.versionNo,
                  color: v.inForce ? 'green' : 'gray',
                  content: (
                    <div>
                      <Typography.Text strong>{fmt(s.detail.version, { no: v.versionNo, date: formatDate(v.effectiveFrom) })}</Typography.Text>
                      {v.inForce && <Tag color="green" style={{ marginInlineStart: 8 }}>{s.detail.inForce}</Tag>}
                      <Tag style={{ marginInlineStart: 8 }}>{s.detail.source[v.source] ?? v.source}</Tag>
                      <Button type="link" size="small" onClick={() => setVersionNo(v.versionNo)} aria-label={`${s.detail.viewVersion} ${v.versionNo}`}>
                        {s.detail.viewVersion}
                      </Button>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {v.changedFields.length ? fmt(s.detail.changed, { fields: v.changedFields.map((f) => FIELD_NAMES[lang][f] ?? f).join(', ') }) : s.detail.first}
                          {' · '}
                          {formatDateTime(v.createdAt, { seconds: false })}
                        </Typography.Text>
                      </div>
                      {v.changeNote && <Typography.Text style={{ fontSize: 13 }}>{v.changeNote}</Typography.Text>}
                    </div>
                  ),
                }))}
              />
            )}
          </Section>
        </>
      )}
    </Drawer>
  );
}
