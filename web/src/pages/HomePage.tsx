// Home: who you are (orgs and roles) and an overview of the organisations you may see — only API figures.
import { Alert, Card, Col, Empty, Row, Spin, Statistic, Table, Tag, Tree, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext.tsx';
import { useLabels } from '../components/labels.ts';
import { useOrgs } from '../components/OrgsContext.tsx';
import { buildOrgTree, keysToDepth } from '../components/orgTree.tsx';
import { type Membership, orgKinds } from '../types.ts';

function OrgOverview() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { orgs, loading, error } = useOrgs();
  const tree = useMemo(() => buildOrgTree(orgs, labels.kind), [orgs, labels.kind]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const o of orgs) m.set(o.kind, (m.get(o.kind) ?? 0) + 1);
    return orgKinds.filter((k) => m.has(k)).map((k) => ({ kind: k, count: m.get(k)! }));
  }, [orgs]);

  if (loading)
    return (
      <Card title={t('home.overview')}>
        <Spin />
      </Card>
    );
  if (error) return <Alert type="error" showIcon title={error} />;
  if (orgs.length === 0)
    return (
      <Card title={t('home.overview')}>
        <Empty description={t('home.noOrgs')} />
      </Card>
    );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          title={t('home.overview')}
          extra={<Typography.Text type="secondary">{t('home.overviewScope')}</Typography.Text>}
          size="small"
        >
          <Row gutter={[12, 12]} data-testid="org-counts">
            <Col span={8}>
              <Card size="small" variant="borderless" style={{ background: '#e8eef8' }}>
                <Statistic title={t('home.totalOrgs')} value={orgs.length} />
              </Card>
            </Col>
            {counts.map((c) => (
              <Col span={8} key={c.kind}>
                <Card size="small" variant="borderless" style={{ background: '#f7f8fa' }}>
                  <Statistic title={labels.kind(c.kind)} value={c.count} />
                </Card>
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('home.structure')} size="small">
          <div data-testid="home-org-tree" style={{ maxHeight: 520, overflow: 'auto' }}>
            <Tree treeData={tree} defaultExpandedKeys={keysToDepth(tree, 2)} showLine selectable={false} />
          </div>
        </Card>
      </Col>
    </Row>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const labels = useLabels();
  if (!me) return null;
  return (
    <>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('home.account', { username: me.username })}
        </Typography.Paragraph>
        <Typography.Text strong>{t('home.memberships')}</Typography.Text>
        <Table<Membership>
          size="small"
          style={{ marginTop: 8, maxWidth: 640 }}
          rowKey={(m) => `${m.orgId}-${m.role}`}
          dataSource={me.memberships}
          pagination={false}
          columns={[
            { title: t('home.org'), dataIndex: 'orgName' },
            {
              title: t('home.role'),
              dataIndex: 'role',
              render: (r: string) => <Tag color="blue">{labels.role(r)}</Tag>,
            },
          ]}
        />
      </Card>
      {can('org.read') && <OrgOverview />}
    </>
  );
}
