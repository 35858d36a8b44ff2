import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormProblem } from '../../components/useFormProblem.tsx';

interface Props<V> {
  title: string;
  okText?: string;
  initialValues?: Partial<V>;
  width?: number;
  /** Sends the values; a thrown ApiError is shown under the fields it names. */
  onSubmit(values: V): Promise<void>;
  onClose(): void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/** A modal form whose submission goes to the API, with the server's field errors under their inputs. */
export function FormModal<V extends object>({ title, okText, initialValues, width, onSubmit, onClose, children }: Props<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const problem = useFormProblem(form);
  const submit = (v: V) =>
    problem.run(async () => {
      await onSubmit(v);
    });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={okText ?? t('common.save')} cancelText={t('common.cancel')} confirmLoading={problem.busy} width={width} destroyOnHidden>
      {problem.alert}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void submit(v)}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}

/** Trims text fields and turns empty ones into null (the API refuses blank text). */
export function clean<T extends Record<string, unknown>>(v: T): T {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x.trim() || null : x === undefined ? null : x])) as T;
}
