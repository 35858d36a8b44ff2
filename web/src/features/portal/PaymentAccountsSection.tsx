import { Alert, Button, Card, Form, Input, Select, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, request } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useStrings } from './strings.ts';

interface Account {
  unitId: string;
  unitName: string | null;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  version: number;
}
interface Values {
  unitId: string;
  bankBin: string;
  accountNumber: string;
  accountName: string;
}

/** For administrators (units.write): each unit's fee account, shown to applicants as a VietQR code. */
export function PaymentAccountsSection() {
  const { s } = useStrings();
  const [list, setList] = useState<Account[]>([]);
  const [banks, setBanks] = useState<Array<{ bin: string; name: string }>>([]);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [form] = Form.useForm<Values>();
  const load = useCallback(() => void api.get<Account[]>('/api/v1/portal/payment-accounts').then(setList, setError), []);
  useEffect(() => {
    load();
    void api.get<Array<{ bin: string; name: string }>>('/api/v1/portal/banks').then(setBanks, setError);
  }, [load]);
  const save = async (v: Values) => {
    setError(undefined);
    setSaved(false);
    try {
      const version = list.find((a) => a.unitId === v.unitId)?.version ?? 0;
      await request('PUT', `/api/v1/portal/payment-accounts/${v.unitId}`, { body: { bankBin: v.bankBin, accountNumber: v.accountNumber, accountName: v.accountName, version } });
      setSaved(true);
      load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{s.accountsTitle}</h2>} style={{ marginTop: 24 }} data-testid="payment-accounts">
      <p>{s.accountsIntro}</p>
      <Table<Account>
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={list}
        columns={[
          { title: s.unit, dataIndex: 'unitName' },
          { title: s.bank, dataIndex: 'bankName' },
          { title: s.account, dataIndex: 'accountNumber' },
          { title: s.accountName, dataIndex: 'accountName' },
          { title: '', key: 'edit', render: (_v, a) => <Button size="small" onClick={() => form.setFieldsValue({ unitId: a.unitId, bankBin: a.bankBin, accountNumber: a.accountNumber, accountName: a.accountName })} aria-label={`${s.edit}: ${a.unitName ?? ''}`}>{s.edit}</Button> },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ marginTop: 16, maxWidth: 560 }}>
        <Form.Item name="unitId" label={s.unit} rules={[{ required: true }]}>
          <UnitSelect aria-label={s.unit} />
        </Form.Item>
        <Form.Item name="bankBin" label={s.bank} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={banks.map((b) => ({ value: b.bin, label: b.name }))} aria-label={s.bank} />
        </Form.Item>
        <Form.Item name="accountNumber" label={s.account} rules={[{ required: true }]}>
          <Input inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item name="accountName" label={s.accountName} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {saved && <Alert type="success" showIcon role="status" title={s.saved} style={{ marginBottom: 12 }} />}
        <ProblemAlert error={error} style={{ marginBottom: 12 }} />
        <Button type="primary" htmlType="submit">
          {s.save}
        </Button>
      </Form>
    </Card>
  );
}
