import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth.tsx';
import { visibleMenu } from '../../app/menu.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate, formatLongDate } from '../../i18n/format.ts';

/** Home: a greeting, the user's roles and units (me.grants), and a card per module they may use. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can, roleLabel } = useAuth();
  const modules = visibleMenu(can).filter((m) => m.path !== '/');

  return (
    <>
      <PageHeader title={t('menu.home.label')} intro={t('home.today', { date: formatLongDate() })} />
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={2} style={{ fontSize: 22, marginTop: 0 }}>
          {t('home.greeting', { name: me.fullName })}
        </Typography.Title>
        <Typography.Title level={3} style={{ fontSize: 15, fontWeight: 600 }} type="secondary">
          {t('home.yourRoles')}
        </Typography.Title>
        {me.grants.length === 0 ? (
          <Typography.Paragraph>{t('home.noRoles')}</Typography.Paragraph>
        ) : (
          <ul className="grant-list" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="my-grants">
            {me.grants.map((g) => (
              <li key={g.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Flex wrap gap={8} align="center">
                  <Tag color="blue" style={{ fontSize: 14, padding: '2px 10px' }}>
                    {roleLabel(g.role)}
                  </Tag>
                  <Typography.Text strong>{g.unitName ?? t('common.wholeSystem')}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('home.since', { date: formatDate(g.validFrom) })}
                    {g.validTo ? ` · ${t('home.until', { date: formatDate(g.validTo) })}` : ''}
                  </Typography.Text>
                </Flex>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('home.modules')}
      </Typography.Title>
      {modules.length === 0 ? (
        <Empty description={t('home.noModules')} />
      ) : (
        <Row gutter={[16, 16]}>
          {modules.map((m) => (
            <Col key={m.key} xs={24} sm={12} xl={8}>
              <Link to={m.path} className="module-card-link">
                <Card hoverable style={{ height: '100%' }}>
                  <Flex gap={16} align="flex-start">
                    <span style={{ fontSize: 28, color: '#1d4f91', lineHeight: 1 }} aria-hidden>
                      {m.icon}
                    </span>
                    <div>
                      <Typography.Text strong style={{ fontSize: 16, display: 'block' }}>
                        {t(`menu.${m.key}.label`)}
                      </Typography.Text>
                      <Typography.Text type="secondary">{t(`menu.${m.key}.description`)}</Typography.Text>
                    </div>
                  </Flex>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
