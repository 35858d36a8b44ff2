import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Row, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import type { AuditRow, UnitDto, VerifyResult } from '../../app/types.ts';
import { DATE_FORMATS } from '../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';

const PAGE = 50;

/** Actions the server writes today; rows with other actions still show, with their code. */
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'user.create',
  'user.update',
  'user.password_change',
  'user.password_reset',
  'grant.add',
  'grant.revoke',
  'unit.create',
  'unit.update',
  'unit.lineage.add',
  'seed.demo',
  'seed.none',
];
const SUBJECT_TYPES = ['user', 'session', 'unit', 'installation'];

interface Filters {
  action?: string;
  subjectType?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

/** A calendar day's bounds in Vietnam, as the ISO instants the API expects. */
const dayStart = (d: Dayjs) => `${d.format('YYYY-MM-DD')}T00:00:00+07:00`;
const dayEnd = (d: Dayjs) => `${d.format('YYYY-MM-DD')}T23:59:59.999+07:00`;

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      {value === null || value === undefined ? (
        <div>
          <Typography.Text type="secondary">{t('audit.nothing')}</Typography.Text>
        </div>
      ) : (
        <pre className="json">{JSON.stringify(value, null, 2)}</pre>
      )}
    </div>
  );
}

/**
 * /nhat-ky: the audit log, newest first, filtered by action, subject type and period; "load more" pages with
 * beforeSeq. A row opens to show the data before and after. Installation-wide auditors can verify the hash chain.
 */
export default function AuditPage() {
  const { t } = useTranslation();
  const { canEverywhere } = useAuth();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>();
  const [verifying, setVerifying] = useState(false);
  const [unitNames, setUnitNames] = useState<Map<string, string>>(new Map());
  const generation = useRef(0);

  const load = useCallback(async (f: Filters, beforeSeq?: number) => {
    const gen = beforeSeq ? generation.current : ++generation.current;
    setLoading(true);
    setError(undefined);
    try {
      const [from, to] = f.period ?? [];
      const page = await api.get<AuditRow[]>('/api/v1/audit', {
        action: f.action,
        subjectType: f.subjectType,
        from: from ? dayStart(from) : undefined,
        to: to ? dayEnd(to) : undefined,
        beforeSeq,
        limit: PAGE,
      });
      if (gen !== generation.current) return; // filters changed meanwhile
      setRows((prev) => (beforeSeq ? [...prev, ...page] : page));
      setMore(page.length === PAGE);
    } catch (err) {
      if (gen === generation.current) setError(err);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filters);
  }, [filters, load]);

  // Unit names for the rows that carry a unit (the audit API gives only ids).
  const needUnits = rows.some((r) => r.unitId && !unitNames.has(r.unitId));
  useEffect(() => {
    if (!needUnits) return;
    api
      .get<UnitDto[]>('/api/v1/units', { all: 'true' })
      .then((units) => setUnitNames(new Map(units.map((u) => [u.id, u.name]))))
      .catch(() => undefined);
  }, [needUnits]);

  const actionLabel = useCallback((a: string) => t(`audit.actions.${a.replace(/\./g, '_') as 'auth_login'}`, { defaultValue: a }), [t]);
  const subjectLabel = useCallback((s: string) => t(`audit.subjects.${s as 'user'}`, { defaultValue: s }), [t]);

  const actionOptions = useMemo(() => {
    const all = new Set([...KNOWN_ACTIONS, ...rows.map((r) => r.action)]);
    return [...all].map((a) => ({ value: a, label: actionLabel(a) }));
  }, [rows, actionLabel]);

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    setVerifyError(undefined);
    try {
      setVerify(await api.get<VerifyResult>('/api/v1/audit/verify'));
    } catch (err) {
      setVerifyError(err);
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<AuditRow> = [
    { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 90 },
    { key: 'at', title: t('audit.at'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</span> },
    { key: 'actor', title: t('audit.actor'), render: (_, r) => r.actorLabel ?? t('common.none') },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, r) => (
        <Flex vertical>
          <span>{actionLabel(r.action)}</span>
          <Typography.Text type="secondary" code style={{ fontSize: 12, alignSelf: 'flex-start' }}>
            {r.action}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'subject',
      title: t('audit.subject'),
      responsive: ['md'],
      render: (_, r) => (
        <Flex vertical>
          <span>{subjectLabel(r.subjectType)}</span>
          {r.subjectId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title={r.subjectId}>
              {r.subjectId.slice(0, 8)}…
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'unit', title: t('audit.unit'), responsive: ['lg'], render: (_, r) => (r.unitId ? (unitNames.get(r.unitId) ?? `${r.unitId.slice(0, 8)}…`) : t('common.none')) },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        extra={
          canEverywhere('audit.read') && (
            <Button icon={<SafetyCertificateOutlined aria-hidden />} onClick={() => void runVerify()} loading={verifying}>
              {t('audit.verify')}
            </Button>
          )
        }
      />
      {verify && (
        <Alert
          role="status"
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          style={{ marginBottom: 16 }}
          title={
            verify.ok || !verify.problem
              ? t('audit.verifyOk', { count: verify.checked })
              : t('audit.verifyBroken', { seq: verify.problem.seq, reason: t(`audit.reasons.${verify.problem.reason}`), count: verify.checked })
          }
          data-testid="verify-result"
        />
      )}
      {verifyError !== undefined && <ProblemAlert error={verifyError} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Form<Filters> form={form} layout="vertical" onFinish={(v) => setFilters({ ...v })}>
          <Row gutter={16} align="bottom">
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="action" label={t('audit.action')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('audit.anyAction')} options={actionOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item name="subjectType" label={t('audit.subjectType')}>
                <Select allowClear placeholder={t('audit.anySubject')} options={SUBJECT_TYPES.map((s) => ({ value: s, label: subjectLabel(s) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={7}>
              <Form.Item name="period" label={t('audit.period')}>
                <DatePicker.RangePicker format={DATE_FORMATS} allowEmpty={[true, true]} placeholder={[t('common.from'), t('common.to')]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item>
                <Flex gap={8}>
                  <Button type="primary" htmlType="submit">
                    {t('common.filter')}
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      setFilters({});
                    }}
                  >
                    {t('common.clearFilters')}
                  </Button>
                </Flex>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        {error !== undefined && <ProblemAlert error={error} style={{ marginBottom: 16 }} />}
        <Table<AuditRow>
          rowKey="seq"
          columns={columns}
          dataSource={rows}
          loading={loading && rows.length === 0}
          pagination={false}
          size="middle"
          scroll={{ x: true }}
          locale={{ emptyText: t('audit.empty') }}
          expandable={{
            expandedRowRender: (r) => (
              <div>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <JsonBlock label={t('audit.before')} value={r.before} />
                  </Col>
                  <Col xs={24} md={12}>
                    <JsonBlock label={t('audit.after')} value={r.after} />
                  </Col>
                </Row>
                <Descriptions
                  size="small"
                  column={1}
                  style={{ marginTop: 12 }}
                  items={[
                    ...(r.requestId ? [{ key: 'req', label: t('common.requestId'), children: <code>{r.requestId}</code> }] : []),
                    { key: 'hash', label: t('audit.hash'), children: <code style={{ wordBreak: 'break-all' }}>{r.hash}</code> },
                  ]}
                />
              </div>
            ),
          }}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }} wrap gap={8}>
          <Typography.Text type="secondary" aria-live="polite">
            {t('audit.shown', { count: rows.length })}
          </Typography.Text>
          {more ? (
            <Button onClick={() => void load(filters, rows[rows.length - 1]?.seq)} loading={loading && rows.length > 0}>
              {t('audit.loadMore')}
            </Button>
          ) : (
            rows.length > 0 && <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>
          )}
        </Flex>
      </Card>
    </>
  );
}
