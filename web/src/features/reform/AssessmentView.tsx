import { ArrowLeftOutlined, CheckCircleOutlined, FileTextOutlined, LinkOutlined, NumberOutlined, SendOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Descriptions, Empty, Flex, Form, Input, InputNumber, List, Modal, Segmented, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, request } from '../../app/api.ts';
import { useApi } from '../../app/useApi.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { fmt, useStrings } from './strings.ts';
import { formatPoints, labelOf, PAR_ASSESSMENT_STATUSES, PAR_METHODS, type AssessmentDetailDto, type AssessmentNodeDto, type DocumentDto, type Page } from './types.ts';

const STATUS_COLOR: Record<string, string> = { draft: 'gold', submitted: 'blue', published: 'green' };
const isLeaf = (a: AssessmentDetailDto, n: AssessmentNodeDto) => !a.nodes.some((x) => x.parentId === n.id);

/** The figure motcua computes for a criterion, or why it is not there yet. */
function LiveFigureCell({ node }: { node: AssessmentNodeDto }) {
  const { s, lang } = useStrings();
  const f = node.liveFigure;
  if (!f) return <>—</>;
  if (f.status !== 'available') return <Tag>{s.par.notAvailable}</Tag>;
  return (
    <Tooltip title={f.label[lang]}>
      <span>
        {formatPoints(f.value, lang)}
        {f.unit === 'percent' ? ' %' : ''}
      </span>
    </Tooltip>
  );
}

function EvidenceList({ node }: { node: AssessmentNodeDto }) {
  const { s, lang } = useStrings();
  if (node.evidence.length === 0) return <Typography.Text type="secondary">{s.par.noEvidence}</Typography.Text>;
  return (
    <div data-testid="evidence-list">
    <List
      size="small"
      dataSource={node.evidence}
      renderItem={(e) => (
        <List.Item>
          <Space>
            {e.kind === 'link' ? <LinkOutlined /> : e.kind === 'document' ? <FileTextOutlined /> : <NumberOutlined />}
            {e.url ? (
              <a href={e.url} target="_blank" rel="noreferrer">
                {e.title}
              </a>
            ) : (
              <span>{e.title}</span>
            )}
            {e.kind === 'figure' && (
              <Typography.Text type="secondary">
                {formatPoints(e.figureValue, lang)} ({e.figurePeriod?.replace('/', ' → ')})
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
    </div>
  );
}

/** Adds one piece of evidence: a link, a steering document, or the criterion's live figure (snapshotted). */
function EvidenceForm({ assessmentId, node, onAdded }: { assessmentId: string; node: AssessmentNodeDto; onAdded(): void }) {
  const { s, lang } = useStrings();
  const [form] = Form.useForm<{ kind: 'link' | 'document' | 'figure'; url?: string; title?: string; documentId?: string }>();
  const problem = useFormProblem(form);
  const kind = Form.useWatch('kind', form) ?? 'link';
  const [q, setQ] = useState('');
  const docs = useApi<Page<DocumentDto>>(kind === 'document' ? '/api/v1/reform-documents' : null, { q, pageSize: 20 });
  const figureOk = node.liveFigure?.status === 'available';
  const add = (v: { kind: 'link' | 'document' | 'figure'; url?: string; title?: string; documentId?: string }) =>
    problem.run(async () => {
      const body = v.kind === 'link' ? { kind: 'link', url: v.url?.trim(), ...(v.title?.trim() ? { title: v.title.trim() } : {}) } : v.kind === 'document' ? { kind: 'document', documentId: v.documentId } : { kind: 'figure' };
      await api.post(`/api/v1/par/assessments/${assessmentId}/scores/${node.id}/evidence`, body, { 'idempotency-key': newIdempotencyKey() });
      form.resetFields(['url', 'title', 'documentId']);
      onAdded();
    });
  const kinds = [
    { value: 'link', label: s.common.link },
    { value: 'document', label: s.par.evidenceDocument },
    ...(node.liveFigureKey ? [{ value: 'figure', label: s.par.evidenceFigure, disabled: !figureOk }] : []),
  ];
  return (
    <Card size="small" title={s.par.addEvidence} style={{ marginTop: 12 }}>
      {problem.alert}
      <Form form={form} layout="vertical" initialValues={{ kind: 'link' }} onFinish={(v) => void add(v)}>
        <Form.Item name="kind" label={s.par.evidenceKind}>
          <Segmented options={kinds} />
        </Form.Item>
        {kind === 'link' && (
          <>
            <Form.Item name="url" label={s.par.evidenceUrl} rules={[{ required: true, type: 'url' }]}>
              <Input placeholder="https://" inputMode="url" />
            </Form.Item>
            <Form.Item name="title" label={s.par.evidenceTitle}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
        {kind === 'document' && (
          <Form.Item name="documentId" label={s.par.evidenceDocument} rules={[{ required: true }]}>
            <Select showSearch={{ filterOption: false, onSearch: setQ }} loading={docs.loading} options={(docs.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.summary}` }))} />
          </Form.Item>
        )}
        {kind === 'figure' && node.liveFigure && (
          <Typography.Paragraph>
            {node.liveFigure.label[lang]}: <strong>{formatPoints(node.liveFigure.value, lang)}</strong>
          </Typography.Paragraph>
        )}
        <Button htmlType="submit" loading={problem.busy}>
          {s.par.addEvidence}
        </Button>
      </Form>
    </Card>
  );
}

function SelfScoreModal({ a, node, onClose, onSaved, onEvidence }: { a: AssessmentDetailDto; node: AssessmentNodeDto; onClose(): void; onSaved(): void; onEvidence(): void }) {
  const { s } = useStrings();
  const { t } = useTranslation();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const problem = useFormProblem(form);
  const save = (v: { score: number; comment?: string }) =>
    problem.run(async () => {
      await request('PUT', `/api/v1/par/assessments/${a.id}/scores/${node.id}`, { body: { version: node.score?.version ?? 0, score: v.score, comment: v.comment?.trim() || null } });
      onSaved();
    });
  return (
    <Modal open title={fmt(s.par.selfModal, { code: node.code })} onCancel={onClose} onOk={() => form.submit()} okText={s.par.saveScore} cancelText={t('common.cancel')} confirmLoading={problem.busy} width={720} destroyOnHidden>
      <Typography.Paragraph strong>{node.title}</Typography.Paragraph>
      {node.guidance && <Typography.Paragraph type="secondary">{node.guidance}</Typography.Paragraph>}
      {problem.alert}
      <Form form={form} layout="vertical" initialValues={{ score: node.score?.selfScore ?? undefined, comment: node.score?.selfComment ?? '' }} onFinish={(v) => void save(v)}>
        <Form.Item name="score" label={s.par.selfScoreLabel} extra={fmt(s.par.maxHint, { max: node.maxPoints })} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} max={node.maxPoints} step={0.25} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="comment" label={s.par.selfComment}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
      </Form>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {s.par.evidence}
      </Typography.Title>
      <EvidenceList node={node} />
      <EvidenceForm assessmentId={a.id} node={node} onAdded={onEvidence} />
    </Modal>
  );
}

function AppraiseModal({ a, node, onClose, onSaved }: { a: AssessmentDetailDto; node: AssessmentNodeDto; onClose(): void; onSaved(): void }) {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const problem = useFormProblem(form);
  const save = (v: { score: number; comment?: string }) =>
    problem.run(async () => {
      await request('PUT', `/api/v1/par/assessments/${a.id}/appraisals/${node.id}`, { body: { version: node.score?.version ?? 0, score: v.score, comment: v.comment?.trim() || null } });
      onSaved();
    });
  return (
    <Modal open title={fmt(s.par.appraiseModal, { code: node.code })} onCancel={onClose} onOk={() => form.submit()} okText={s.par.saveAppraisal} cancelText={t('common.cancel')} confirmLoading={problem.busy} width={720} destroyOnHidden>
      <Typography.Paragraph strong>{node.title}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={s.par.selfScoreLabel}>{formatPoints(node.score?.selfScore, lang)}</Descriptions.Item>
        <Descriptions.Item label={s.par.selfComment}>{node.score?.selfComment ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={s.par.evidence}>
          <EvidenceList node={node} />
        </Descriptions.Item>
      </Descriptions>
      {problem.alert}
      <Form form={form} layout="vertical" initialValues={{ score: node.score?.appraisedScore ?? node.score?.selfScore ?? undefined, comment: node.score?.appraisalComment ?? '' }} onFinish={(v) => void save(v)}>
        <Form.Item name="score" label={s.par.appraisedScoreLabel} extra={fmt(s.par.maxHint, { max: node.maxPoints })} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} max={node.maxPoints} step={0.25} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="comment" label={s.par.appraisalComment} extra={s.par.appraisalCommentHelp}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SurveyModal({ a, onClose, onSaved }: { a: AssessmentDetailDto; onClose(): void; onSaved(): void }) {
  const { s } = useStrings();
  const { t } = useTranslation();
  const leaves = a.nodes.filter((n) => n.method === 'survey' && isLeaf(a, n));
  const [form] = Form.useForm<Record<string, number | null>>();
  const problem = useFormProblem(form);
  const save = async (v: Record<string, number | null>) => {
    const results = leaves.filter((n) => v[n.id] !== null && v[n.id] !== undefined).map((n) => ({ criterionId: n.id, score: v[n.id] as number }));
    if (results.length === 0) return onClose();
    await problem.run(async () => {
      await request('PUT', `/api/v1/par/assessments/${a.id}/survey`, { body: { version: a.version, results } });
      onSaved();
    });
  };
  return (
    <Modal open title={s.par.surveyTitle} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={problem.busy} destroyOnHidden>
      {problem.alert}
      <Form form={form} layout="vertical" initialValues={Object.fromEntries(leaves.map((n) => [n.id, n.score?.surveyScore ?? null]))} onFinish={(v) => void save(v)}>
        {leaves.map((n) => (
          <Form.Item key={n.id} name={n.id} label={`${n.code}. ${n.title}`} extra={fmt(s.par.maxHint, { max: n.maxPoints })}>
            <InputNumber min={0} max={n.maxPoints} step={0.25} style={{ width: 160 }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** One assessment: totals, the criteria with their scores and evidence, and what the caller may do. */
export function AssessmentView({ id, onBack }: { id: string; onBack(): void }) {
  const { s, lang } = useStrings();
  const { modal, message } = AntApp.useApp();
  const { data: a, error, loading, reload } = useApi<AssessmentDetailDto>(`/api/v1/par/assessments/${id}`);
  const [selfId, setSelfId] = useState<string | null>(null);
  const [appraiseId, setAppraiseId] = useState<string | null>(null);
  const [survey, setSurvey] = useState(false);
  if (error) return <ProblemAlert error={error} />;
  if (!a) return <Loading />;
  const t = a.totals;
  const act = (label: string, confirm: string, path: 'submit' | 'publish') =>
    modal.confirm({
      title: label,
      content: confirm,
      okText: s.common.confirm,
      onOk: async () => {
        try {
          await api.post(`/api/v1/par/assessments/${a.id}/${path}`, { version: a.version });
          message.success(s.common.saved);
          reload();
        } catch (err) {
          modal.error({ title: label, content: <ProblemAlert error={err} /> });
        }
      },
    });
  const selfNode = selfId ? a.nodes.find((n) => n.id === selfId) : undefined;
  const appraiseNode = appraiseId ? a.nodes.find((n) => n.id === appraiseId) : undefined;
  const indent = { area: 0, criterion: 16, sub_criterion: 32 } as const;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {s.common.back}
        </Button>
        <Space wrap>
          {a.can.selfAssess && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => act(s.par.submit, s.par.submitConfirm, 'submit')}>
              {s.par.submit}
            </Button>
          )}
          {a.can.appraise && a.nodes.some((n) => n.method === 'survey') && <Button onClick={() => setSurvey(true)}>{s.par.survey}</Button>}
          {a.can.appraise && a.status === 'submitted' && (
            <Button icon={<CheckCircleOutlined />} onClick={() => act(s.par.publish, s.par.publishConfirm, 'publish')}>
              {s.par.publish}
            </Button>
          )}
        </Space>
      </Flex>
      <Card style={{ marginBottom: 16 }} data-testid="assessment-totals">
        <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {a.localityName} — {a.year}
          </Typography.Title>
          <Tag color={STATUS_COLOR[a.status]}>{labelOf(PAR_ASSESSMENT_STATUSES, a.status, lang)}</Tag>
          {a.isDemo && <Tag>{s.common.demo}</Tag>}
        </Flex>
        <Flex wrap gap={32}>
          <Statistic title={s.par.selfPoints} value={formatPoints(t.selfPoints, lang)} />
          <Statistic title={s.par.appraisedPoints} value={formatPoints(t.appraisedPoints, lang)} />
          <Statistic title={s.par.surveyPoints} value={formatPoints(t.surveyPoints, lang)} />
          <Statistic title={s.par.finalPoints} value={`${formatPoints(t.finalPoints, lang)} / ${formatPoints(t.maxPoints, lang)}`} />
          <Statistic title={s.par.classification} value={t.classification?.label[lang] ?? '—'} />
          <Statistic title={s.par.rank} value={t.rank ? fmt(s.par.rankOf, { rank: t.rank, of: t.of }) : '—'} />
        </Flex>
      </Card>
      <Table<AssessmentNodeDto>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={a.nodes}
        scroll={{ x: 960 }}
        onRow={(n) => ({ 'data-testid': `criterion-${n.code}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description={s.par.resultsOnly} /> }}
        columns={[
          { key: 'code', title: s.par.code, dataIndex: 'code', width: 70, render: (c: string, n) => <span style={{ fontWeight: n.level === 'area' ? 600 : undefined }}>{c}</span> },
          {
            key: 'title',
            title: s.par.content,
            render: (_, n) => (
              <div style={{ paddingInlineStart: indent[n.level], fontWeight: n.level === 'area' ? 600 : undefined }}>
                {n.title}
                {n.method === 'survey' && <Tag style={{ marginInlineStart: 8 }}>{labelOf(PAR_METHODS, 'survey', lang)}</Tag>}
                {n.guidance && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2, expandable: true }}>
                    {n.guidance}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          },
          { key: 'max', title: s.par.max, dataIndex: 'maxPoints', width: 70, align: 'right', render: (v: number) => formatPoints(v, lang) },
          { key: 'self', title: s.par.selfScore, width: 80, align: 'right', render: (_, n) => (isLeaf(a, n) ? formatPoints(n.method === 'survey' ? null : n.score?.selfScore, lang) : formatPoints(n.selfPoints, lang)) },
          {
            key: 'appraised',
            title: s.par.appraisedScore,
            width: 90,
            align: 'right',
            render: (_, n) =>
              n.score?.appraisedScore !== null && n.score?.appraisedScore !== undefined ? (
                <Tooltip title={n.score.appraisalComment}>
                  <Tag color="orange">{formatPoints(n.score.appraisedScore, lang)}</Tag>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          { key: 'final', title: s.par.score, width: 80, align: 'right', render: (_, n) => <strong>{formatPoints(n.finalPoints, lang)}</strong> },
          { key: 'evidence', title: s.par.evidence, width: 90, align: 'center', render: (_, n) => (isLeaf(a, n) && n.method === 'self' ? n.evidence.length : '') },
          { key: 'figure', title: s.par.liveFigure, width: 150, render: (_, n) => <LiveFigureCell node={n} /> },
          {
            key: 'actions',
            title: s.common.actions,
            width: 120,
            render: (_, n) =>
              isLeaf(a, n) && n.method === 'self' ? (
                <Space>
                  {a.can.selfAssess && (
                    <Button size="small" onClick={() => setSelfId(n.id)}>
                      {s.par.doSelf}
                    </Button>
                  )}
                  {a.can.appraise && a.status === 'submitted' && (
                    <Button size="small" onClick={() => setAppraiseId(n.id)}>
                      {s.par.doAppraise}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      {selfNode && (
        <SelfScoreModal
          a={a}
          node={selfNode}
          onClose={() => setSelfId(null)}
          onEvidence={reload}
          onSaved={() => {
            setSelfId(null);
            message.success(s.common.saved);
            reload();
          }}
        />
      )}
      {appraiseNode && (
        <AppraiseModal
          a={a}
          node={appraiseNode}
          onClose={() => setAppraiseId(null)}
          onSaved={() => {
            setAppraiseId(null);
            message.success(s.common.saved);
            reload();
          }}
        />
      )}
      {survey && (
        <SurveyModal
          a={a}
          onClose={() => setSurvey(false)}
          onSaved={() => {
            setSurvey(false);
            reload();
          }}
        />
      )}
    </>
  );
}
