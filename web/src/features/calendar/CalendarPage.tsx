import { DownloadOutlined, EditOutlined, LeftOutlined, RightOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Form, InputNumber, Row, Space, Statistic, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import type { UnitDto } from '../../app/types.ts';
import { useApi } from '../../app/useApi.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { todayVn } from '../../i18n/format.ts';
import { DayModal } from './DayModal.tsx';
import { DeadlineCard } from './DeadlineCard.tsx';
import { ImportModal } from './ImportModal.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { SettingsDrawer } from './SettingsDrawer.tsx';
import { VersionsCard } from './VersionsCard.tsx';
import { FIRST_YEAR, KIND_STYLE, LAST_YEAR, LEGEND_ORDER, type CalendarDayDto, type CalendarVersionDto, type SettingsViewDto, type YearCalendarDto } from './calendarTypes.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * /lich-lam-viec: a year of the working calendar (?nam=YYYY) for the national calendar or a unit (?donvi=ID):
 * twelve month grids with holidays, compensatory days, announced days off and make-up working days coloured, the
 * working-day count and office hours; administrators add or remove days with their legal reference, edit office
 * hours and import a year from Excel. Below: a deadline calculator and the version history.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const today = todayVn();
  const paramYear = Number(params.get('nam'));
  const year = Number.isInteger(paramYear) && paramYear >= FIRST_YEAR && paramYear <= LAST_YEAR ? paramYear : Number(today.slice(0, 4));
  const unitId = params.get('donvi') || null;
  const canWrite = can('calendar.write');
  const [openDay, setOpenDay] = useState<string | null>(null);
  const [editSettings, setEditSettings] = useState(false);
  const [importing, setImporting] = useState(false);

  const query = unitId ? { unitId } : undefined;
  const cal = useApi<YearCalendarDto>(`/api/v1/calendar/years/${year}`, query);
  const settings = useApi<SettingsViewDto>('/api/v1/calendar/settings', query);
  const versions = useApi<CalendarVersionDto[]>('/api/v1/calendar/versions', { ...query, limit: 50 });
  const units = useApi<UnitDto[]>('/api/v1/units', { all: 'true' });

  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const unitName = useCallback((id: string | null) => (id === null ? t('calendar.national') : (names.get(id) ?? id)), [names, t]);
  const days = useMemo(() => new Map<string, CalendarDayDto>((cal.data?.days ?? []).map((d) => [d.date, d])), [cal.data]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const d of cal.data?.days ?? []) c[d.kind] = (c[d.kind] ?? 0) + 1;
    return c;
  }, [cal.data]);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const reloadAll = () => {
    cal.reload();
    settings.reload();
    versions.reload();
  };
  const onOpen = useCallback((date: string) => setOpenDay(date), []);

  const data = cal.data;
  const weeklyDaysOff = data?.weeklyDaysOff ?? [6, 0];
  const exportUrl = `/api/v1/calendar/years/${year}/schedule.xlsx${unitId ? `?unitId=${unitId}` : ''}`;

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        intro={t('calendar.intro')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportUrl}>
              {t('calendar.exportExcel')}
            </Button>
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('calendar.importExcel')}
              </Button>
            )}
          </>
        }
      />

      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" colon={false} style={{ rowGap: 12 }} onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('calendar.year')} htmlFor="calendar-year">
            <Space.Compact>
              <Button icon={<LeftOutlined />} aria-label={t('calendar.prevYear')} disabled={year <= FIRST_YEAR} onClick={() => setParam('nam', String(year - 1))} />
              <InputNumber id="calendar-year" min={FIRST_YEAR} max={LAST_YEAR} value={year} onChange={(v) => v && setParam('nam', String(v))} style={{ width: 90 }} />
              <Button icon={<RightOutlined />} aria-label={t('calendar.nextYear')} disabled={year >= LAST_YEAR} onClick={() => setParam('nam', String(year + 1))} />
            </Space.Compact>
          </Form.Item>
          <Form.Item label={t('calendar.unit')} htmlFor="calendar-unit" style={{ flex: '1 1 320px' }}>
            <UnitSelect id="calendar-unit" value={unitId ?? undefined} onChange={(v) => setParam('donvi', v ?? null)} placeholder={t('calendar.national')} />
          </Form.Item>
        </Form>
      </Card>

      {cal.error && <ProblemAlert error={cal.error} style={{ marginBottom: 16 }} />}
      {!data && cal.loading ? (
        <Loading />
      ) : data ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Row gutter={[24, 16]}>
              <Col xs={24} md={6}>
                <Statistic title={t('calendar.workingDayCount')} value={data.workingDayCount} />
                <Typography.Text type="secondary">{t('calendar.version', { version: data.calendarVersion })}</Typography.Text>
              </Col>
              <Col xs={24} md={12}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('calendar.sessions')}>
                    {settings.data && !settings.stale
                      ? settings.data.settings.sessionSets.map((set) => (
                          <div key={set.name}>
                            {set.from && set.to ? `${set.name} (${set.from.split('-').reverse().join('/')}–${set.to.split('-').reverse().join('/')}): ` : ''}
                            {set.sessions.map((x) => `${x.start}–${x.end}`).join(', ')}
                          </div>
                        ))
                      : data.sessions.join('; ')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('calendar.cutoff')}>{data.cutoff ?? t('calendar.noCutoff')}</Descriptions.Item>
                  <Descriptions.Item label={t('calendar.settingsSource')}>{data.settingsFrom.unitId ? data.settingsFrom.name : t('calendar.national')}</Descriptions.Item>
                </Descriptions>
                {canWrite && settings.data && (
                  <Button icon={<EditOutlined />} onClick={() => setEditSettings(true)}>
                    {t('calendar.editSettings')}
                  </Button>
                )}
              </Col>
              <Col xs={24} md={6}>
                <Typography.Text strong>{t('calendar.legend')}</Typography.Text>
                <Flex vertical gap={4} style={{ marginTop: 4 }} role="list" aria-label={t('calendar.legend')}>
                  {LEGEND_ORDER.map((k) => (
                    <Flex key={k} role="listitem" align="center" gap={8}>
                      <span aria-hidden style={{ display: 'inline-block', width: 18, height: 18, borderRadius: 4, background: KIND_STYLE[k].background, border: `1px solid ${KIND_STYLE[k].border}` }} />
                      <span>
                        {t(`calendar.kinds.${k}`)}
                        {counts[k] ? <Typography.Text type="secondary"> ({counts[k]})</Typography.Text> : null}
                      </span>
                    </Flex>
                  ))}
                </Flex>
              </Col>
            </Row>
          </Card>

          <Card style={{ marginBottom: 16 }} aria-label={t('calendar.monthsLabel', { year })}>
            <div aria-busy={cal.stale} style={{ opacity: cal.stale ? 0.5 : 1, transition: 'opacity .2s' }}>
              <Row gutter={[16, 16]}>
                {MONTHS.map((m) => (
                  <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
                    <MonthGrid year={year} month={m} days={days} weeklyDaysOff={weeklyDaysOff} today={today} onOpen={onOpen} />
                  </Col>
                ))}
              </Row>
            </div>
          </Card>
        </>
      ) : null}

      <DeadlineCard key={unitId ?? 'national'} defaultUnitId={unitId ?? undefined} />
      <VersionsCard versions={versions.data ?? []} loading={versions.loading} nationalName={t('calendar.national')} />

      {openDay && (
        <DayModal
          date={openDay}
          year={year}
          entry={days.get(openDay)}
          weeklyDaysOff={weeklyDaysOff}
          unitId={unitId}
          unitName={unitName}
          canWrite={canWrite}
          onClose={() => setOpenDay(null)}
          onChanged={() => {
            setOpenDay(null);
            reloadAll();
          }}
        />
      )}
      {editSettings && settings.data && (
        <SettingsDrawer
          view={settings.data}
          unitName={unitName(unitId)}
          onClose={() => setEditSettings(false)}
          onChanged={() => {
            setEditSettings(false);
            reloadAll();
          }}
        />
      )}
      {importing && (
        <ImportModal
          year={year}
          unitId={unitId}
          onClose={() => setImporting(false)}
          onDone={() => {
            setImporting(false);
            reloadAll();
          }}
        />
      )}
    </>
  );
}
