// 通知: the bell in the header with the unread count (polled every minute), the latest notifications in a
// popover, mark as read, and a click through to the matter a reminder is about.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api.ts';
import type { Notification } from '../kernel/types.ts';

const POLL_MS = 60_000;

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Notification[]>([]);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems(await api.get<Notification[]>('/api/notifications'));
    } catch {
      // A missed poll is retried in a minute; the bell is not worth an error message.
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      // A hidden tab does not need fresh counts; it refreshes when shown again.
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    const onShow = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onShow);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onShow);
    };
  }, [load]);

  const unread = items.filter((n) => !n.readAt);

  const markRead = async (ids: number[]) => {
    await Promise.allSettled(ids.map((id) => api.post(`/api/notifications/${id}/read`)));
    await load();
  };

  // One request for all, including any older than the 30 shown: "全部已读" means all of them.
  const markAllRead = async () => {
    try {
      await api.post('/api/notifications/read-all');
    } catch {
      // Left unread; the next poll shows the true count.
    }
    await load();
  };

  const openItem = (n: Notification) => {
    if (!n.readAt) void markRead([n.id]);
    if (n.matterId) {
      setOpen(false);
      void navigate(`/matters/${n.matterId}`);
    }
  };

  const content = (
    <div className="notif-panel" data-testid="notifications-panel">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 30)}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              className={n.readAt ? 'notif-read' : 'notif-unread'}
              onClick={() => openItem(n)}
              style={{ cursor: n.matterId ? 'pointer' : 'default' }}
              data-testid={`notification-${n.id}`}
              actions={
                n.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        type="link"
                        size="small"
                        onClick={(e) => {
                          e.stopPropagation();
                          void markRead([n.id]);
                        }}
                        data-testid={`notification-read-${n.id}`}
                      >
                        {t('notifications.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    {n.body && <div className="notif-body">{n.body}</div>}
                    <Typography.Text type="secondary">{n.createdOn}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <div className="notif-head">
          <span>{t('notifications.title')}</span>
          {unread.length > 0 && (
            <Button
              type="link"
              size="small"
              onClick={() => void markAllRead()}
              data-testid="notifications-read-all"
            >
              {t('notifications.markAllRead')}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Button
        type="text"
        size="small"
        className="app-header-btn"
        aria-label={t('notifications.title')}
        data-testid="notifications-bell"
      >
        <Badge count={unread.length} size="small" offset={[4, -2]} data-testid="notifications-count">
          <BellOutlined style={{ color: 'rgba(255,255,255,0.92)', fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
