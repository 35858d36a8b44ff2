import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CatalogueBrowser, useCatalogueFilters } from './CatalogueBrowser.tsx';
import { ImportModal } from './ImportModal.tsx';
import type { ProcedureDetailDto } from './labels.ts';
import { ProcedureDrawer } from './ProcedureDrawer.tsx';
import { ProcedureFormModal } from './ProcedureForm.tsx';
import { useStrings } from './strings.ts';

/**
 * /thu-tuc: the catalogue for officials — the public search plus every status and the unit filter, the detail
 * with its history, and for reform officers creating, editing (a new version), Excel export and import.
 */
export default function ProceduresPage() {
  const { s } = useStrings();
  const { can } = useAuth();
  const mayWrite = can('procedures.write');
  const { query } = useCatalogueFilters(false);
  const [target, setTarget] = useState<{ id: string; asOf?: string } | null>(null);
  const [editing, setEditing] = useState<ProcedureDetailDto | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  const exportUrl = () => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, status: query.status === 'active' ? 'active' : query.status })) if (v) p.set(k, v);
    return `/api/v1/procedures/export?${p.toString()}`;
  };

  return (
    <>
      <PageHeader
        title={s.catalogue.title}
        intro={s.catalogue.intro}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportUrl()} download>
              {s.catalogue.exportExcel}
            </Button>
            {mayWrite && (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {s.catalogue.importExcel}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  {s.catalogue.add}
                </Button>
              </>
            )}
          </>
        }
      />
      <CatalogueBrowser publicMode={false} onOpen={(id, asOf) => setTarget({ id, asOf })} reloadKey={reloadKey} />
      <ProcedureDrawer target={target} onClose={() => setTarget(null)} onEdit={mayWrite ? (p) => setEditing(p) : undefined} reloadKey={reloadKey} />
      {editing && (
        <ProcedureFormModal
          procedure={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            setReloadKey((k) => k + 1);
            setTarget({ id: p.id });
          }}
        />
      )}
      {importing && (
        <ImportModal
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
    </>
  );
}
