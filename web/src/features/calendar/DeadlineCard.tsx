import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { formatDateTime, todayVn } from '../../i18n/format.ts';
import type { DeadlineResultDto } from './calendarTypes.ts';

interface Values {
  unitId?: string | null;
  date: string;
  time: string;
  value: number;
  unit: 'working_day' | 'working_hour' | 'day';
  skipListedDaysOff: boolean;
}

/** "Compute a deadline": a unit, the receipt moment (Vietnam time) and a time limit → the due moment and the steps. */
export function DeadlineCard({ defaultUnitId }: { defaultUnitId: string | undefined }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form);
  const [result, setResult] = useState<DeadlineResultDto | null>(null);
  const unit = Form.useWatch('unit', form);

  const compute = (v: Values) =>
    problem.run(async () => {
      setResult(null);
      setResult(
        await api.post<DeadlineResultDto>('/api/v1/calendar/deadline', {
          unitId: v.unitId,
          start: `${v.date}T${v.time.trim()}:00+07:00`,
          duration: { value: v.value, unit: v.unit },
          ...(v.unit === 'day' ? { skipListedDaysOff: v.skipListedDaysOff } : {}),
        }),
      );
    });

  return (
    <Card title={t('calendar.deadlineTitle')} style={{ marginBottom: 16 }}>
      {problem.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void compute(v)}
        initialValues={{ unitId: defaultUnitId, date: todayVn(), time: '09:00', value: 5, unit: 'working_day', skipListedDaysOff: false }}
      >
        <Form.Item name="unitId" label={t('calendar.deadlineUnit')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
          <UnitSelect />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="date" label={t('calendar.receivedDate')} rules={[{ required: true, message: t('common.required') }]}>
            <IsoDatePicker allowClear={false} placeholder={t('common.dateFormatHint')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="time" label={t('calendar.receivedTime')} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('calendar.clock') }]}>
            <Input style={{ width: 100 }} placeholder="16:10" />
          </Form.Item>
          <Form.Item name="value" label={t('calendar.duration')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0} step={unit === 'working_day' ? 0.5 : 1} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="unit" label=" ">
            <Select
              style={{ width: 180 }}
              options={(['working_day', 'working_hour', 'day'] as const).map((u) => ({ value: u, label: t(`calendar.durationUnits.${u}`) }))}
            />
          </Form.Item>
        </Flex>
        {unit === 'day' && (
          <Form.Item name="skipListedDaysOff" valuePropName="checked">
            <Checkbox>{t('calendar.skipHolidays')}</Checkbox>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={problem.busy}>
          {t('calendar.compute')}
        </Button>
      </Form>
      {result && (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          title={<strong data-testid="calendar-due">{t('calendar.due', { due: formatDateTime(result.due, { seconds: false }) })}</strong>}
          description={
            <>
              <ol style={{ margin: '8px 0', paddingInlineStart: 20 }}>
                {result.steps.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
              <Typography.Text type="secondary">{t('calendar.computedWith', { version: result.calendarVersion })}</Typography.Text>
            </>
          }
        />
      )}
    </Card>
  );
}
