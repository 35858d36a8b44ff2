import { App as AntApp, Alert, Button, Checkbox, Descriptions, Divider, Form, Input, Modal, Popconfirm, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { formatDate } from '../../i18n/format.ts';
import { KIND_STYLE, lunarOf, weekdayOfIso, type CalendarDayDto, type ChangeResultDto, type DayKind } from './calendarTypes.ts';

interface Props {
  date: string;
  year: number;
  entry: CalendarDayDto | undefined;
  weeklyDaysOff: readonly number[];
  /** The calendar being shown: a unit, or null for the national calendar. */
  unitId: string | null;
  unitName(id: string | null): string;
  canWrite: boolean;
  onClose(): void;
  onChanged(result: ChangeResultDto): void;
}

interface AddValues {
  kind: 'day_off' | 'makeup_working_day';
  reasonVi: string;
  reasonEn?: string;
  reasonFr?: string;
  source: string;
  confirmed: boolean;
  swapWith?: string | null;
  changeReason?: string;
}

const trimmed = (s?: string | null) => (s && s.trim() ? s.trim() : undefined);

/**
 * A day of the calendar: its kind, reason, legal source and lunar date; for administrators, the entry of the
 * shown calendar can be removed, or a day off / make-up working day added (with its legal reference).
 */
export function DayModal({ date, year, entry, weeklyDaysOff, unitId, unitName, canWrite, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AddValues>();
  const problem = useFormProblem(form);
  const weekday = weekdayOfIso(date);
  const kind: DayKind = entry ? entry.kind : weeklyDaysOff.includes(weekday) ? 'weekly_rest' : 'working';
  const title = t('calendar.dayTitle', { weekday: t('calendar.weekdayNames').split(',')[weekday], date: formatDate(date) });
  const ownEntry = entry?.entryId && entry.layerUnitId === unitId;
  const otherLayerEntry = entry?.entryId && entry.layerUnitId !== unitId;
  const fromRule = entry && !entry.entryId;

  const done = (r: ChangeResultDto) => {
    message.success(t('calendar.saved', { version: r.calendarVersion, count: r.changedDates.length }));
    onChanged(r);
  };

  const add = (v: AddValues) =>
    problem.run(async () => {
      const r = await api.post<ChangeResultDto>(
        `/api/v1/calendar/years/${year}/entries`,
        {
          unitId,
          date,
          kind: v.kind,
          reason: { vi: v.reasonVi.trim(), en: trimmed(v.reasonEn), fr: trimmed(v.reasonFr) },
          source: v.source.trim(),
          confirmed: v.confirmed,
          swapWith: v.swapWith ?? null,
          changeReason: trimmed(v.changeReason),
        },
        { 'idempotency-key': newIdempotencyKey() },
      );
      done(r);
    });

  const remove = () =>
    problem.run(async () => {
      done(await api.delete<ChangeResultDto>(`/api/v1/calendar/years/${year}/entries/${entry!.entryId}`));
    });

  const style = KIND_STYLE[kind];
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={
        canWrite && !ownEntry
          ? [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={problem.busy} onClick={() => form.submit()}>
                {t('common.save')}
              </Button>,
            ]
          : [
              <Button key="close" onClick={onClose}>
                {t('common.close')}
              </Button>,
            ]
      }
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('calendar.entryKind')}>
          <Tag style={{ background: style.background, color: style.color, borderColor: style.border }}>{t(`calendar.kinds.${kind}`)}</Tag>
          {entry && !entry.confirmed && <Tag color="warning">{t('calendar.unconfirmed')}</Tag>}
        </Descriptions.Item>
        {entry && <Descriptions.Item label={t('calendar.reason')}>{entry.reason}</Descriptions.Item>}
        {entry && <Descriptions.Item label={t('calendar.source')}>{entry.source}</Descriptions.Item>}
        {entry?.entryId && <Descriptions.Item label={t('calendar.unit')}>{unitName(entry.layerUnitId)}</Descriptions.Item>}
        <Descriptions.Item label={t('calendar.lunar', { date: '' }).trim()}>{lunarOf(date).full}</Descriptions.Item>
      </Descriptions>

      {canWrite && (
        <>
          <Divider />
          {problem.alert}
          {ownEntry && (
            <Popconfirm title={t('calendar.removeConfirm', { date: formatDate(date) })} onConfirm={() => void remove()} okText={t('common.yes')} cancelText={t('common.no')}>
              <Button danger loading={problem.busy}>
                {t('calendar.remove')}
              </Button>
            </Popconfirm>
          )}
          {otherLayerEntry && <Alert type="info" showIcon title={t('calendar.otherLayer', { name: unitName(entry!.layerUnitId) })} style={{ marginBottom: 12 }} />}
          {fromRule && <Alert type="info" showIcon title={t('calendar.fromRule')} style={{ marginBottom: 12 }} />}
          {!ownEntry && (
            <>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t('calendar.addTitle', { date: formatDate(date) })}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('calendar.writeTo', { name: unitName(unitId) })}</Typography.Paragraph>
              <Form<AddValues>
                form={form}
                layout="vertical"
                onFinish={(v) => void add(v)}
                initialValues={{ kind: kind === 'weekly_rest' ? 'makeup_working_day' : 'day_off', confirmed: true }}
              >
                <Form.Item name="kind" label={t('calendar.entryKind')}>
                  <Radio.Group
                    options={[
                      { value: 'day_off', label: t('calendar.entryKinds.day_off') },
                      { value: 'makeup_working_day', label: t('calendar.entryKinds.makeup_working_day') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="reasonVi" label={t('calendar.reasonVi')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <Input maxLength={300} />
                </Form.Item>
                <Form.Item name="reasonEn" label={`${t('calendar.reasonEn')} ${t('common.optional')}`}>
                  <Input maxLength={300} />
                </Form.Item>
                <Form.Item name="reasonFr" label={`${t('calendar.reasonFr')} ${t('common.optional')}`}>
                  <Input maxLength={300} />
                </Form.Item>
                <Form.Item name="source" label={t('calendar.legalSource')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                  <Input maxLength={500} placeholder={t('calendar.legalSourcePlaceholder')} />
                </Form.Item>
                <Form.Item name="confirmed" valuePropName="checked">
                  <Checkbox>{t('calendar.confirmed')}</Checkbox>
                </Form.Item>
                <Form.Item name="swapWith" label={`${t('calendar.swapWith')} ${t('common.optional')}`}>
                  <IsoDatePicker placeholder={t('common.dateFormatHint')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name="changeReason" label={`${t('calendar.changeReason')} ${t('common.optional')}`} extra={t('calendar.changeReasonHelp')}>
                  <Input maxLength={500} />
                </Form.Item>
              </Form>
            </>
          )}
        </>
      )}
    </Modal>
  );
}
