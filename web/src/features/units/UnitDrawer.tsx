import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Flex, Grid, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import type { UnitDetailDto, UnitDto, UnitLinkDto } from '../../app/types.ts';
import { useApi } from '../../app/useApi.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { sortUnits } from '../../components/unitTree.ts';
import { useUnitKinds } from '../../components/useUnitKinds.ts';
import { formatDate, todayVn } from '../../i18n/format.ts';
import { CreateUnitModal, EditUnitModal } from './UnitForms.tsx';
import { UnitFlags } from './UnitFlags.tsx';

/** Which unit the drawer shows, and for which date its children are listed (undefined: the server's default). */
export interface DrawerTarget {
  id: string;
  asOf?: string;
}

interface Props {
  target: DrawerTarget | null;
  pageAsOf: string;
  onNavigate(target: DrawerTarget): void;
  onClose(): void;
  /** After a change; `revealId` is a unit whose children the tree should now show (the parent of a new unit). */
  onChanged(revealId?: string): void;
}

/** The date the server lists children for when none is given: today, or the last day of an ended unit. */
const childrenDate = (u: UnitDto, asOf?: string) => asOf ?? (u.validTo && u.validTo < todayVn() ? u.validTo : todayVn());

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section style={{ marginTop: 24 }}>
      <Typography.Title level={3} style={{ fontSize: 16, marginBottom: 8 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/** A unit's detail: codes, validity, parent, children on the date, predecessors and successors; edit and add-child for writers. */
export function UnitDrawer({ target, pageAsOf, onNavigate, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { label: kindLabel } = useUnitKinds();
  const screens = Grid.useBreakpoint();
  const { data, error, loading, reload } = useApi<UnitDetailDto>(target ? `/api/v1/units/${target.id}` : null, target?.asOf ? { asOf: target.asOf } : undefined);
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState(false);
  const unit = data && target && data.id === target.id ? data : undefined;
  const mayWrite = can('units.write');

  const go = (id: string, asOf?: string) => onNavigate({ id, asOf });
  const unitLink = (u: { id: string; name: string }, asOf?: string) => (
    <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', justifyContent: 'flex-start' }} onClick={() => go(u.id, asOf)}>
      {u.name}
    </Button>
  );
  const lineageList = (links: UnitLinkDto[]) =>
    links.length === 0 ? (
      <Typography.Text type="secondary">{t('units.noLineage')}</Typography.Text>
    ) : (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {links.map((l) => (
          <li key={`${l.unitId}-${l.lineageKind}`} style={{ marginBottom: 8 }}>
            {unitLink({ id: l.unitId, name: l.name })}
            <div>
              <Tag>{t(`units.lineage.${l.lineageKind as 'merge'}`, { defaultValue: l.lineageKind })}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('units.effective', { date: formatDate(l.effectiveDate) })}
                {l.decisionRef && ` · ${t('units.decision', { ref: l.decisionRef })}`}
              </Typography.Text>
            </div>
          </li>
        ))}
      </ul>
    );

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={screens.md === false ? '100%' : 600}
      title={unit?.name ?? t('common.details')}
      destroyOnHidden
      extra={
        mayWrite && unit ? (
          <Flex gap={8} wrap>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} aria-label={t('units.createChild')}>
              {screens.sm === false ? null : t('units.createChild')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {error && <ProblemAlert error={error} />}
      {!unit && loading && <Loading />}
      {unit && (
        <div data-testid="unit-detail">
          <Flex gap={4} style={{ marginBottom: 12 }}>
            <UnitFlags unit={unit} />
          </Flex>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 190 } }}
            items={[
              { key: 'kind', label: t('units.kind'), children: kindLabel(unit.kind) },
              { key: 'code', label: t('units.code'), children: unit.code ?? t('common.none') },
              { key: 'adminCode', label: t('units.adminCode'), children: unit.adminCode ?? t('common.none') },
              {
                key: 'validity',
                label: t('units.validity'),
                children: unit.validTo ? t('units.validRange', { from: formatDate(unit.validFrom), to: formatDate(unit.validTo) }) : t('units.validOpen', { from: formatDate(unit.validFrom) }),
              },
              { key: 'parent', label: t('units.parent'), children: unit.parent ? unitLink(unit.parent, target?.asOf) : t('common.none') },
              ...(unit.notes ? [{ key: 'notes', label: t('units.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{unit.notes}</span> }] : []),
            ]}
          />
          <Section title={t('units.children', { date: formatDate(childrenDate(unit, target?.asOf)) })}>
            {unit.children.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noChildren')} style={{ margin: 0 }} />
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18, columns: unit.children.length > 8 && screens.md !== false ? 2 : 1 }}>
                {sortUnits(unit.children).map((c) => (
                  <li key={c.id}>{unitLink(c, target?.asOf)}</li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('units.predecessors')}>{lineageList(unit.predecessors)}</Section>
          <Section title={t('units.successors')}>{lineageList(unit.successors)}</Section>
        </div>
      )}
      {unit && editing && (
        <EditUnitModal
          unit={unit}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
            onChanged();
          }}
        />
      )}
      {unit && creating && (
        <CreateUnitModal
          parent={unit}
          defaultFrom={pageAsOf}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            reload();
            onChanged(unit.id);
          }}
        />
      )}
    </Drawer>
  );
}
