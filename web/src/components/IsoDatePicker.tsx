import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

/** Typed as dd/mm/yyyy (also d/m/yyyy and yyyy-mm-dd); the first is how dates are written in Vietnam. */
export const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD'];

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'format'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A date picker whose value is a calendar date 'YYYY-MM-DD' (what the API speaks), not a dayjs object. */
export function IsoDatePicker({ value, onChange, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      format={DATE_FORMATS}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d) => {
        const day = Array.isArray(d) ? d[0] : d;
        onChange?.(day ? day.format('YYYY-MM-DD') : null);
      }}
    />
  );
}
