// 期限: every deadline of the matter with its status, due date, kind (法定/最短/指导…), the provisional
// calendar mark and the legal basis — overdue and due-soon first, because those are what a reviewer acts on.
import { Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineBadge as Badge, Deadline } from '../kernel/types.ts';
import { CitationLink, DeadlineBadge, ProvisionalTag, remainingLabel } from './DeadlineBadge.tsx';

const urgency: Record<Badge, number> = {
  overdue: 0,
  dueSoon: 1,
  lapsed: 2,
  running: 2,
  guideline: 2,
  partyPeriod: 2,
  elapsed: 3,
  paused: 3,
  metLate: 4,
  met: 5,
  stopped: 6,
  notStarted: 3,
  stoppedLate: 4,
};

export function MatterDeadlines({ deadlines }: { deadlines: Deadline[] }) {
  const { t } = useTranslation();
  if (deadlines.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matter.noDeadlines')} />;
  const sorted = [...deadlines].sort(
    (a, b) => urgency[a.badge] - urgency[b.badge] || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''),
  );
  return (
    <List
      size="small"
      // Not the default: antd keys items by their `key` field, and a restarted period repeats its key.
      rowKey="id"
      dataSource={sorted}
      data-testid="matter-deadlines"
      renderItem={(d) => (
        <List.Item
          key={d.id}
          data-testid={`deadline-${d.key}`}
          className={`deadline-item deadline-${d.badge}`}
        >
          <div style={{ width: '100%' }}>
            <Space size={6} wrap>
              <DeadlineBadge badge={d.badge} label={d.badgeLabel} testId={`deadline-badge-${d.key}`} />
              <Typography.Text strong>{d.rule.event}</Typography.Text>
              <Tag>{d.rule.kindLabel}</Tag>
              {d.provisional && <ProvisionalTag />}
            </Space>
            <div className="deadline-due">
              {d.status === 'paused' ? (
                t('deadline.pausedSince', { date: d.pausedOn ?? '—' })
              ) : d.endedOn ? (
                t('deadline.ended', { due: d.dueOn ?? '—', ended: d.endedOn })
              ) : (
                <>
                  {t('deadline.dueOn')}
                  <Typography.Text strong className="due-date" data-testid={`deadline-due-${d.key}`}>
                    {d.dueOn ?? '—'}
                  </Typography.Text>
                </>
              )}
              {remainingLabel(t, d) && (
                <Typography.Text
                  type={d.badge === 'overdue' ? 'danger' : undefined}
                  style={{ marginInlineStart: 8 }}
                  data-testid={`deadline-left-${d.key}`}
                >
                  {remainingLabel(t, d)}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                {t('deadline.startedOn', { date: d.startOn })}
                {/* The count this matter runs: the one a step set (the review time offered), else the rule's. */}
                {(d.setCount ?? d.rule.count) != null && (
                  <span data-testid={`deadline-count-${d.key}`}>
                    {` · ${t(`deadline.count.${d.rule.unit}`, {
                      count: d.setCount ?? d.rule.count ?? 0,
                      defaultValue: `${d.setCount ?? d.rule.count} ${d.rule.unit}`,
                    })}`}
                    {d.setCount != null && t('deadline.setCount')}
                  </span>
                )}
                {!!d.extendedDays && ` · ${t('deadline.extended', { count: d.extendedDays })}`}
              </Typography.Text>
            </div>
            <CitationLink
              citation={d.rule.citation}
              verified={d.rule.verified}
              testId={`citation-${d.key}`}
            />
            {d.rule.onExpiry && (
              <div className="muted">{t('deadline.onExpiry', { text: d.rule.onExpiry })}</div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
