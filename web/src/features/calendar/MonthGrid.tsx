import { Tooltip } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import { KIND_STYLE, daysInMonth, isoDate, lunarOf, monthName, weekdayOfIso, type CalendarDayDto, type DayKind } from './calendarTypes.ts';

interface Props {
  year: number;
  month: number;
  /** Listed days of the year by date. */
  days: ReadonlyMap<string, CalendarDayDto>;
  weeklyDaysOff: readonly number[];
  today: string;
  onOpen(date: string): void;
}

/**
 * One month as a table, weeks starting on Monday (the Vietnamese convention). Each day is a button (keyboard and
 * screen readers get the kind and reason in its label) coloured by kind, with the lunar day in small print and a
 * tooltip giving reason, legal source and whether it was checked.
 */
export const MonthGrid = memo(function MonthGrid({ year, month, days, weeklyDaysOff, today, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const weekdays = t('calendar.weekdays').split(',');
  const weekdayNames = t('calendar.weekdayNames').split(',');
  const count = daysInMonth(year, month);
  const lead = (weekdayOfIso(isoDate(year, month, 1)) + 6) % 7;
  const cells: Array<string | null> = [...Array<null>(lead).fill(null), ...Array.from({ length: count }, (_, i) => isoDate(year, month, i + 1))];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));

  return (
    <table className="calendar-month" style={{ borderCollapse: 'separate', borderSpacing: 2, width: '100%', tableLayout: 'fixed' }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '0 0 4px' }}>{monthName(month, i18n.language)}</caption>
      <thead>
        <tr>
          {weekdays.map((w) => (
            <th key={w} scope="col" style={{ fontWeight: 400, fontSize: 12, color: '#595959', textAlign: 'center' }}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, wi) => (
          <tr key={wi}>
            {week.map((iso, di) => {
              if (!iso) return <td key={di} />;
              const entry = days.get(iso);
              const weekday = weekdayOfIso(iso);
              const kind: DayKind = entry ? entry.kind : weeklyDaysOff.includes(weekday) ? 'weekly_rest' : 'working';
              const style = KIND_STYLE[kind];
              const lunar = lunarOf(iso);
              const label = [`${weekdayNames[weekday]} ${formatDate(iso)}`, t(`calendar.kinds.${kind}`), entry?.reason, entry && !entry.confirmed ? t('calendar.unconfirmed') : null].filter(Boolean).join(' — ');
              const tip = (
                <div>
                  <div>
                    <strong>{`${weekdayNames[weekday]} ${formatDate(iso)}`}</strong> · {t('calendar.lunar', { date: lunar.full })}
                  </div>
                  <div>{t(`calendar.kinds.${kind}`)}</div>
                  {entry && <div>{entry.reason}</div>}
                  {entry && (
                    <div style={{ opacity: 0.85 }}>
                      {t('calendar.source')}: {entry.source}
                    </div>
                  )}
                  {entry && !entry.confirmed && <div>⚠ {t('calendar.unconfirmed')}</div>}
                </div>
              );
              return (
                <td key={di} style={{ padding: 0 }}>
                  <Tooltip title={tip} mouseEnterDelay={0.3}>
                    <button
                      type="button"
                      aria-label={label}
                      data-date={iso}
                      data-kind={kind}
                      onClick={() => onOpen(iso)}
                      style={{
                        width: '100%',
                        minHeight: 40,
                        padding: '2px 0',
                        cursor: 'pointer',
                        background: style.background,
                        color: style.color,
                        border: `1px ${entry && !entry.confirmed ? 'dashed' : 'solid'} ${style.border}`,
                        outline: iso === today ? '2px solid #1677ff' : undefined,
                        outlineOffset: -2,
                        borderRadius: 4,
                        lineHeight: 1.1,
                        fontWeight: entry ? 600 : 400,
                      }}
                    >
                      <span style={{ display: 'block', fontSize: 14 }}>{Number(iso.slice(8))}</span>
                      <span style={{ display: 'block', fontSize: 10, opacity: 0.7 }} aria-hidden>
                        {lunar.short}
                      </span>
                    </button>
                  </Tooltip>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
