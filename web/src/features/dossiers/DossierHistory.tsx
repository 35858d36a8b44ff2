import { Empty, Flex, List, Table, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../i18n/format.ts';
import { APPOINTMENT_REASONS, CLOCK_KINDS, EVENT_KINDS, formatWorkingHours, labelOf, stepLabel, type ClockSegmentDto, type ControlSlipDto, type DossierDetailDto, type TimelineEventDto } from './labels.ts';
import { OutcomeTag } from './StatusTag.tsx';
import { fmt, useStrings } from './strings.ts';

const dt = (iso: string | null | undefined) => formatDateTime(iso, { seconds: false });

/** Dot colour of a timeline event: red for a late hand-off, orange for pauses and requests, green for results. */
function colorOf(e: TimelineEventDto): string {
  if (e.outcome === 'late') return 'red';
  switch (e.kind) {
    case 'supplement_requested':
    case 'suspended':
    case 'extended':
    case 'apology':
    case 'escalated':
    case 'sent_back':
      return 'orange';
    case 'refused':
    case 'withdrawn':
    case 'cancelled':
      return 'red';
    case 'approved':
    case 'result_ready':
    case 'result_returned':
      return 'green';
    default:
      return 'blue';
  }
}

/** Every event of the dossier, oldest first: who did what, from which unit to which, on time or late. */
export function DossierTimeline({ dossier: d }: { dossier: DossierDetailDto }) {
  const { s, lang } = useStrings();
  if (d.timeline.length === 0) return <Empty />;
  return (
    <Timeline
      data-testid="dossier-timeline"
      items={d.timeline.map((e) => {
        const step = e.stepSeq ? d.steps.find((x) => x.seq === e.stepSeq) : undefined;
        const move = e.fromUnit && e.toUnit && e.fromUnit.id !== e.toUnit.id ? fmt(s.detail.handedTo, { from: e.fromUnit.name, to: e.toUnit.name }) : (e.toUnit ?? e.fromUnit)?.name;
        return {
          key: e.seq,
          color: colorOf(e),
          content: (
            <Flex vertical gap={2}>
              <span className="timeline-meta">{dt(e.at)}</span>
              <Flex wrap gap={6} align="center">
                <Typography.Text strong>{labelOf(EVENT_KINDS, e.kind, lang)}</Typography.Text>
                {step && e.kind !== 'received' && <Typography.Text type="secondary">· {stepLabel(step, lang)}</Typography.Text>}
                <OutcomeTag outcome={e.outcome} />
              </Flex>
              {move && <span>{move}</span>}
              {(e.actor || e.toUser) && (
                <span className="timeline-meta">
                  {e.actor ? fmt(s.detail.by, { name: e.actor.name }) : ''}
                  {e.toUser && e.toUser.id !== e.actor?.id ? ` → ${e.toUser.name}` : ''}
                </span>
              )}
              {e.note && <Typography.Text italic>{e.note}</Typography.Text>}
            </Flex>
          ),
        };
      })}
    />
  );
}

/** The control slip (phiếu kiểm soát): one row per hand-off, with the result of the step just finished. */
export function ControlSlipTable({ slip }: { slip: ControlSlipDto | undefined }) {
  const { s } = useStrings();
  type Row = ControlSlipDto['rows'][number];
  const who = (unit: Row['fromUnit'], user: Row['fromUser']) =>
    unit || user ? (
      <Flex vertical>
        <span>{unit?.name ?? '—'}</span>
        {user && <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>{user.name}</Typography.Text>}
      </Flex>
    ) : (
      '—'
    );
  return (
    <Table<Row>
      size="small"
      rowKey={(r, i) => `${r.stepSeq}-${r.at}-${i}`}
      dataSource={slip?.rows ?? []}
      loading={!slip}
      pagination={false}
      scroll={{ x: 760 }}
      data-testid="control-slip"
      columns={[
        { title: s.detail.csStep, key: 'step', width: 56, render: (_: unknown, r: Row) => r.stepSeq ?? '—' },
        { title: s.detail.csFrom, key: 'from', render: (_: unknown, r: Row) => who(r.fromUnit, r.fromUser) },
        { title: s.detail.csTo, key: 'to', render: (_: unknown, r: Row) => who(r.toUnit, r.toUser) },
        { title: s.detail.csAt, key: 'at', width: 150, render: (_: unknown, r: Row) => dt(r.at) },
        { title: s.detail.csResult, key: 'outcome', width: 130, render: (_: unknown, r: Row) => <OutcomeTag outcome={r.outcome} /> },
        { title: s.detail.csNote, key: 'note', width: 130, render: (_: unknown, r: Row) => r.note },
      ]}
    />
  );
}

/** The clock ledger: running, paused (with reasons), extended (with legal basis), restarted, stopped. */
export function ClockList({ dossier: d }: { dossier: DossierDetailDto }) {
  const { s, lang } = useStrings();
  const color = (kind: string) => (kind.startsWith('paused') ? 'orange' : kind === 'extended' ? 'purple' : kind === 'stopped' ? 'default' : 'blue');
  return (
    <List<ClockSegmentDto>
      size="small"
      dataSource={d.clock}
      data-testid="clock-ledger"
      renderItem={(c) => (
        <List.Item>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex justify="space-between" wrap gap={8}>
              <Tag color={color(c.kind)} style={{ marginInlineEnd: 0 }}>
                {labelOf(CLOCK_KINDS, c.kind, lang)}
                {c.kind === 'extended' ? ` +${formatWorkingHours(c.minutes, lang, s.common.workingHours)}` : ''}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {dt(c.at)}
              </Typography.Text>
            </Flex>
            {c.reason && <span>{c.reason}</span>}
            {c.legalBasis && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {s.detail.legalBasis}: {c.legalBasis}
              </Typography.Text>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** Every appointment the applicant was given, and why it moved (it never moves silently). */
export function AppointmentList({ dossier: d }: { dossier: DossierDetailDto }) {
  const { s, lang } = useStrings();
  const lateStep = (seq: number | null) => {
    const st = d.steps.find((x) => x.seq === seq);
    return st ? `${st.seq}. ${stepLabel(st, lang)}` : '—';
  };
  return (
    <List
      size="small"
      dataSource={d.appointments}
      data-testid="appointments"
      renderItem={(a) => (
        <List.Item>
          <Flex vertical style={{ width: '100%' }}>
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text strong>{dt(a.appointmentAt)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
                {dt(a.decidedAt)}
              </Typography.Text>
            </Flex>
            <span>{labelOf(APPOINTMENT_REASONS, a.reason, lang)}</span>
            {a.note && <Typography.Text italic>{a.note}</Typography.Text>}
            {a.lateUnit && (
              <Typography.Text type="danger" style={{ fontSize: 13 }}>
                {fmt(s.detail.apptLate, { step: lateStep(a.lateStepSeq), unit: a.lateUnit.name })}
              </Typography.Text>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** Supplement requests: what was asked, why, and when it came back. */
export function SupplementList({ dossier: d }: { dossier: DossierDetailDto }) {
  const { s } = useStrings();
  return (
    <List
      size="small"
      dataSource={d.supplements}
      renderItem={(x) => (
        <List.Item>
          <Flex vertical style={{ width: '100%' }}>
            <Typography.Text strong>{fmt(s.detail.suppRequested, { date: dt(x.requestedAt) })}</Typography.Text>
            <span>{x.reason}</span>
            <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {x.items.map((it, i) => (
                <li key={i}>{it}</li>
              ))}
            </ul>
            {x.receivedAt ? <Typography.Text type="success">{fmt(s.detail.suppReceived, { date: dt(x.receivedAt) })}</Typography.Text> : <Typography.Text type="warning">{s.detail.suppWaiting}</Typography.Text>}
          </Flex>
        </List.Item>
      )}
    />
  );
}
