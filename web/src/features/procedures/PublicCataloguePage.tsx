import { LoginOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProcedureSuggestBox } from '../assist/ProcedureSuggestBox.tsx';
import { CatalogueBrowser } from './CatalogueBrowser.tsx';
import { ProcedureDrawer } from './ProcedureDrawer.tsx';
import { useStrings } from './strings.ts';

/** The public catalogue path, outside the signed-in area. */
export const PUBLIC_CATALOGUE_PATH = '/tra-cuu-thu-tuc';

/**
 * /tra-cuu-thu-tuc: the catalogue for everyone, no sign-in — search (accent-insensitive), filters, and for each
 * procedure the documents, forms, time limits, fees and where it is handled.
 */
export default function PublicCataloguePage() {
  const { s } = useStrings();
  const [target, setTarget] = useState<{ id: string; asOf?: string } | null>(null);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Link to={PUBLIC_CATALOGUE_PATH} className="brand">
          <img src="/favicon.svg" alt="" width={30} height={30} />
          <span className="brand-text">motcua</span>
        </Link>
        <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <LanguageSwitch compact />
          <Link to="/dang-nhap">
            <Button icon={<LoginOutlined />}>{s.catalogue.signIn}</Button>
          </Link>
        </span>
      </Layout.Header>
      <Layout.Content id="main" className="app-content" style={{ maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <PageHeader title={s.catalogue.publicTitle} intro={s.catalogue.publicIntro} />
        <ProcedureSuggestBox onOpen={(id) => setTarget({ id })} />
        <CatalogueBrowser publicMode onOpen={(id, asOf) => setTarget({ id, asOf })} />
        <ProcedureDrawer target={target} onClose={() => setTarget(null)} />
      </Layout.Content>
    </Layout>
  );
}
