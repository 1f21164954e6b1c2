// 工作台 (home): where a working day starts. One request (GET /api/workbench) brings every section the user's
// roles call for; each figure and list item links to the page behind it. Kept light on purpose: it is the first
// page after sign-in (≤ 400 KB of JS gzipped, scripts/bundle-size.ts), so no chart, table or tree is imported here
// — the organisation tree lives on 机构管理.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Skeleton, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { useLabels } from '../components/labels.ts';
import { DeadlinesCard } from '../components/workbench/DeadlinesCard.tsx';
import { AdminCard, LeaderCards, TownshipCard } from '../components/workbench/RoleCards.tsx';
import { CreateButtons, NotificationsCard, RecentCard } from '../components/workbench/SideCards.tsx';
import { WaitingCard } from '../components/workbench/WaitingCard.tsx';
import type { Workbench } from '../kernel/types.ts';
import '../components/workbench/workbench.css';

export default function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const labels = useLabels();
  const [w, setW] = useState<Workbench | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setW(await api.get<Workbench>('/api/workbench'));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!me) return null;
  const roles = [...new Set(me.memberships.map((m) => `${m.orgName} · ${labels.role(m.role)}`))];

  return (
    <div className="wb" data-testid="workbench">
      <Card size="small" className="wb-head">
        <div className="wb-head-row">
          <div>
            <h3 className="wb-welcome">{t('home.welcome', { name: me.displayName })}</h3>
            <div className="wb-roles">
              {roles.map((r) => (
                <Tag key={r} color="blue">
                  {r}
                </Tag>
              ))}
              {w && <span className="muted">{t('home.today', { date: w.today })}</span>}
            </div>
          </div>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void load()}
            loading={loading}
            aria-label={t('common.refresh')}
            data-testid="wb-refresh"
          />
        </div>
        {w && <CreateButtons creatable={w.creatable} />}
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {!w && !error && (
        <Card size="small">
          <Skeleton active />
        </Card>
      )}
      {w && (
        <>
          {w.leader && <LeaderCards l={w.leader} />}
          {w.admin && <AdminCard a={w.admin} />}
          {w.township && <TownshipCard w={w.township} />}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={15} className="wb-col">
              {w.waiting && <WaitingCard w={w.waiting} />}
              {w.officeDeadlines && <DeadlinesCard d={w.officeDeadlines} />}
            </Col>
            <Col xs={24} lg={9} className="wb-col">
              <NotificationsCard n={w.notifications} />
              {w.recent && <RecentCard recent={w.recent} />}
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
