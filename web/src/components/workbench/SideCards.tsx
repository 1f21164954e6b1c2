// The smaller cards of the workbench: unread notifications, recent matters and the quick 登记 buttons.
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Workbench } from '../../kernel/types.ts';
import { Nothing } from './Figure.tsx';

export function NotificationsCard({ n }: { n: Workbench['notifications'] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <span>
          {t('home.notifications')}{' '}
          <Badge count={n.unread} showZero color={n.unread ? '#cf1322' : '#bfbfbf'} data-testid="wb-unread" />
        </span>
      }
      data-testid="wb-notifications"
    >
      {n.latest.length === 0 ? (
        <Nothing>{t('home.notificationsNone')}</Nothing>
      ) : (
        <ul className="wb-list">
          {n.latest.map((x) => {
            const title = (
              <span className={x.read ? 'muted' : 'wb-unread'}>
                {!x.read && <span className="wb-dot" />}
                {x.title}
              </span>
            );
            return (
              <li key={x.id} className="wb-item">
                {x.matterId ? (
                  <Link to={`/matters/${x.matterId}`} className="wb-item-title">
                    {title}
                  </Link>
                ) : (
                  <div className="wb-item-title">{title}</div>
                )}
                <div className="wb-item-meta muted">
                  {x.createdOn} {x.body}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {n.unread > 0 && <div className="muted wb-footnote">{t('home.notificationsBell')}</div>}
    </Card>
  );
}

export function RecentCard({ recent }: { recent: NonNullable<Workbench['recent']> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('home.recent')} data-testid="wb-recent">
      {recent.length === 0 ? (
        <Nothing>{t('home.recentNone')}</Nothing>
      ) : (
        <ul className="wb-list">
          {recent.map((m) => (
            <li key={m.matterId} className="wb-item">
              <Link to={`/matters/${m.matterId}`} className="wb-item-title">
                <span className="wb-ref">{m.refNo}</span> {m.title}
              </Link>
              <div className="wb-item-meta">
                <Tag>{m.stateLabel}</Tag>
                <span className="muted">{m.kindLabel}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** 登记: one button per kind the user may register, under the office that allows it when there are several. */
export function CreateButtons({ creatable }: { creatable: Workbench['creatable'] }) {
  const { t } = useTranslation();
  if (!creatable.length) return null;
  return (
    <div className="wb-create" data-testid="wb-create">
      {creatable.map((c) => (
        <div key={c.orgId} className="wb-create-row">
          {creatable.length > 1 && <span className="muted">{c.orgName}</span>}
          {c.kinds.map((k) => (
            <Link key={`${k.line}/${k.kind}`} to={`/matters?line=${k.line}&kind=${k.kind}&create=1`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid={`wb-create-${k.line}-${k.kind}`}>
                {k.createLabel}
              </Button>
            </Link>
          ))}
        </div>
      ))}
      <span className="muted wb-create-hint">{t('home.createHint')}</span>
    </div>
  );
}
