import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Checkbox, Drawer, Flex, Form, Grid, Input, Popconfirm, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { request } from '../../app/api.ts';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import type { ChangeResultDto, SettingsViewDto } from './calendarTypes.ts';

interface Props {
  view: SettingsViewDto;
  unitName: string;
  onClose(): void;
  onChanged(result: ChangeResultDto): void;
}

interface Values {
  sessionSets: Array<{ name: string; from?: string; to?: string; sessions: Array<{ start: string; end: string }>; cutoff?: string }>;
  weeklyDaysOff: number[];
  cutoff?: string;
  recomputeOpenDeadlines: boolean;
  changeReason: string;
}

const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const blank = (s?: string | null) => (s && s.trim() ? s.trim() : undefined);

/**
 * Office hours of a calendar: session sets (one for all year, or seasonal), weekly days off, receipt cut-off, and
 * what happens to open dossiers when the calendar changes. Saved with the layer version read (409 if stale); a
 * unit with its own settings can drop them and inherit again.
 */
export function SettingsDrawer({ view, unitName, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form);
  const s = view.settings;
  const names = t('calendar.weekdayNames').split(',');
  const clockRule = { pattern: CLOCK, message: t('calendar.clock') };

  const put = (settings: unknown, changeReason: string) =>
    problem.run(async () => {
      const r = await request<ChangeResultDto>('PUT', '/api/v1/calendar/settings', { body: { unitId: view.unitId, version: view.version, changeReason, settings } });
      message.success(t('calendar.saved', { version: r.calendarVersion, count: r.changedDates.length }));
      onChanged(r);
    });

  const save = (v: Values) =>
    put(
      {
        sessionSets: v.sessionSets.map((set) => ({
          name: set.name.trim(),
          ...(blank(set.from) && blank(set.to) ? { from: blank(set.from), to: blank(set.to) } : {}),
          sessions: set.sessions.map((x) => ({ start: x.start.trim(), end: x.end.trim() })),
          ...(blank(set.cutoff) ? { cutoff: blank(set.cutoff) } : {}),
        })),
        weeklyDaysOff: v.weeklyDaysOff,
        cutoff: blank(v.cutoff) ?? null,
        recomputeOpenDeadlines: v.recomputeOpenDeadlines,
      },
      v.changeReason.trim(),
    );

  const inherit = async () => {
    try {
      const { changeReason } = await form.validateFields(['changeReason']);
      await put(null, changeReason.trim());
    } catch {
      // the form shows what is missing
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md === false ? '100%' : 640}
      title={t('calendar.settingsTitle', { name: unitName })}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          {view.own && view.unitId !== null && (
            <Popconfirm title={t('calendar.useInherited')} onConfirm={() => void inherit()} okText={t('common.yes')} cancelText={t('common.no')}>
              <Button loading={problem.busy}>{t('calendar.useInherited')}</Button>
            </Popconfirm>
          )}
          <Button type="primary" loading={problem.busy} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{view.own ? t('calendar.own') : t('calendar.inherited', { name: view.inheritedFrom.name })}</Typography.Paragraph>
      {problem.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          sessionSets: s.sessionSets.map((set) => ({ ...set, cutoff: set.cutoff ?? undefined })),
          weeklyDaysOff: s.weeklyDaysOff,
          cutoff: s.cutoff ?? '',
          recomputeOpenDeadlines: s.recomputeOpenDeadlines,
          changeReason: '',
        }}
      >
        <Form.List name="sessionSets">
          {(sets, { add, remove }) => (
            <>
              {sets.map((set, i) => (
                <Card
                  key={set.key}
                  size="small"
                  title={t('calendar.sessionSet', { n: i + 1 })}
                  style={{ marginBottom: 12 }}
                  extra={sets.length > 1 ? <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(set.name)} aria-label={t('calendar.removeItem')} /> : null}
                >
                  <Flex gap={8} wrap>
                    <Form.Item name={[set.name, 'name']} label={t('calendar.sessionSetName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: '1 1 160px' }}>
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[set.name, 'from']} label={t('calendar.seasonFrom')} rules={[{ pattern: MONTH_DAY, message: 'MM-DD' }]} style={{ width: 130 }}>
                      <Input placeholder="04-15" />
                    </Form.Item>
                    <Form.Item name={[set.name, 'to']} label={t('calendar.seasonTo')} rules={[{ pattern: MONTH_DAY, message: 'MM-DD' }]} style={{ width: 130 }} extra={i === 0 ? t('calendar.seasonHelp') : undefined}>
                      <Input placeholder="10-14" />
                    </Form.Item>
                  </Flex>
                  <Form.List name={[set.name, 'sessions']}>
                    {(sessions, ops) => (
                      <>
                        {sessions.map((x) => (
                          <Space key={x.key} align="baseline" wrap>
                            <Form.Item name={[x.name, 'start']} label={t('calendar.sessionStart')} rules={[{ required: true, message: t('common.required') }, clockRule]}>
                              <Input placeholder="07:30" style={{ width: 100 }} />
                            </Form.Item>
                            <Form.Item name={[x.name, 'end']} label={t('calendar.sessionEnd')} rules={[{ required: true, message: t('common.required') }, clockRule]}>
                              <Input placeholder="11:30" style={{ width: 100 }} />
                            </Form.Item>
                            {sessions.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => ops.remove(x.name)} aria-label={t('calendar.removeItem')} />}
                          </Space>
                        ))}
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({ start: '', end: '' })} disabled={sessions.length >= 8}>
                          {t('calendar.addSession')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', sessions: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] })} style={{ marginBottom: 16 }}>
                {t('calendar.addSessionSet')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="weeklyDaysOff" label={t('calendar.weeklyDaysOff')}>
          <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: names[d] }))} />
        </Form.Item>
        <Form.Item name="cutoff" label={t('calendar.cutoff')} extra={t('calendar.cutoffHelp')} rules={[{ pattern: CLOCK, message: t('calendar.clock') }]}>
          <Input placeholder="16:00" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="recomputeOpenDeadlines" label={t('calendar.recompute')} extra={t('calendar.recomputeHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="changeReason" label={t('calendar.changeReason')} extra={t('calendar.changeReasonHelp')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
