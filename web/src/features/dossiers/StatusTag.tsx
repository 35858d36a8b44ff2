import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { DOSSIER_STATUSES, labelOf, OUTCOMES, TONE_COLOR, toneLabel, toneOf, type Classification, type Tone } from './labels.ts';
import { useStrings } from './strings.ts';

const TONE_ICON: Record<Tone, React.ReactNode> = {
  early: <CheckCircleOutlined />,
  on_time: <CheckCircleOutlined />,
  late: <ExclamationCircleOutlined />,
  on_track: <ClockCircleOutlined />,
  due_soon: <WarningOutlined />,
  overdue: <ExclamationCircleOutlined />,
  apart: <MinusCircleOutlined />,
};

/**
 * The dossier's status, coloured by where it stands against its deadline (green on track or early, gold due soon,
 * red overdue or late), with the standing in words beside it so that colour is never the only signal.
 */
export function StatusTag({ status, classification, compact = false }: { status: string; classification: Classification; compact?: boolean }) {
  const { s, lang } = useStrings();
  const tone = toneOf(classification);
  const label = labelOf(DOSSIER_STATUSES, status, lang);
  const standing = toneLabel(tone, lang, s.common.apart);
  return (
    <span className="dossier-status" data-testid="dossier-status">
      <Tag color={TONE_COLOR[tone]} icon={TONE_ICON[tone]} style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
      {tone !== 'apart' && (
        <span className={`dossier-standing tone-${tone}`}>{compact ? standing : `${s.detail.classification}: ${standing}`}</span>
      )}
    </span>
  );
}

/** Early / on time / late of a finished step or hand-off. */
export function OutcomeTag({ outcome }: { outcome: string | null | undefined }) {
  const { lang } = useStrings();
  if (!outcome) return null;
  const color = outcome === 'late' ? 'red' : outcome === 'early' ? 'green' : 'blue';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {labelOf(OUTCOMES, outcome, lang)}
    </Tag>
  );
}
