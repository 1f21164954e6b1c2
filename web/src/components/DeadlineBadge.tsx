// How a deadline looks everywhere: a coloured status tag, the provisional-calendar mark, and the rule's legal
// basis one hover away — a reviewer must see what is due and why without opening anything.
import { BookOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Popover, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineBadge as Badge, Citation, Deadline, DeadlineRow } from '../kernel/types.ts';

const colour: Record<Badge, string> = {
  overdue: 'red',
  // A lapse into a legal effect (期满视为受理) is not the office's fault: purple, never the alarm red.
  lapsed: 'purple',
  partyPeriod: 'cyan',
  guideline: 'geekblue',
  elapsed: 'green',
  dueSoon: 'orange',
  running: 'blue',
  paused: 'default',
  met: 'green',
  metLate: 'volcano',
  stopped: 'default',
  // Waiting for the service from which the law counts it: nothing is due yet.
  notStarted: 'default',
  // Stopped once its due date had passed: it was late.
  stoppedLate: 'volcano',
};

/**
 * The server's label is shown for `lapsed`, since only the rule knows the consequence it names (期满视为受理);
 * the fixed badges are translated, falling back to the server's words.
 */
export function DeadlineBadge({
  badge,
  label,
  testId,
}: {
  badge: Badge;
  label?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const text = badge === 'lapsed' && label ? label : t(`badge.${badge}`, { defaultValue: label ?? badge });
  return (
    <Tag color={colour[badge]} data-testid={testId} data-badge={badge}>
      {text}
    </Tag>
  );
}

/** The statuses of a period still counting toward its due date: the days left say more than "计算中". */
const counting: Badge[] = ['running', 'dueSoon', 'overdue', 'guideline'];

/** The days left of a deadline in the server's count (working or calendar days, as the rule counts). */
export function remainingLabel(
  t: (key: string, o: Record<string, unknown>) => string,
  d: Deadline | DeadlineRow,
) {
  if (d.daysLeft === null || d.dayUnit === null) return null;
  const n = d.daysLeft;
  const o = { count: Math.abs(n), defaultValue: d.remainingText ?? '' };
  if (d.badge === 'paused') return t(`remaining.paused.${d.dayUnit}`, o);
  if (n > 0) return t(`remaining.left.${d.dayUnit}`, o);
  if (n === 0) return t('remaining.today', o);
  return t(`remaining.${d.badge === 'overdue' ? 'overdue' : 'after'}.${d.dayUnit}`, o);
}

/**
 * A deadline's status in a list: a period still counting shows its days left (剩 3 个工作日, 今日到期,
 * 已超期 2 个工作日) in its status colour; any other status shows its badge.
 */
export function DeadlineStatus({ d, testId }: { d: Deadline | DeadlineRow; testId?: string }) {
  const { t } = useTranslation();
  const left = remainingLabel(t, d);
  if (left && counting.includes(d.badge))
    return (
      <Tooltip title={d.badgeLabel}>
        <Tag color={colour[d.badge]} data-testid={testId} data-badge={d.badge}>
          {left}
        </Tag>
      </Tooltip>
    );
  return <DeadlineBadge badge={d.badge} label={d.badgeLabel} testId={testId} />;
}

/** Marks a date computed on a provisional holiday calendar (next year's State Council notice not yet out). */
export function ProvisionalTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('deadline.provisionalHelp')}>
      <Tag color="gold" data-testid="provisional-tag">
        {t('deadline.provisional')}
      </Tag>
    </Tooltip>
  );
}

/** 《法律》第N条, with the article's text in a popover; unverified wording is flagged, never hidden. */
export function CitationLink({
  citation,
  verified,
  testId,
}: {
  citation: Citation;
  verified: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const content = (
    <div className="citation-pop" data-testid={testId ? `${testId}-text` : undefined}>
      <Typography.Text strong>
        {t('deadline.citationTitle', { law: citation.law, article: citation.article })}
      </Typography.Text>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{citation.text}</Typography.Paragraph>
      {!verified && (
        <Typography.Text type="warning">
          <ExclamationCircleOutlined /> {t('deadline.unverifiedHelp')}
        </Typography.Text>
      )}
    </div>
  );
  return (
    <Space size={4} wrap>
      <Popover content={content} trigger={['hover', 'click']}>
        <Typography.Link data-testid={testId}>
          <BookOutlined /> {t('deadline.citationTitle', { law: citation.law, article: citation.article })}
        </Typography.Link>
      </Popover>
      {!verified && (
        <Tooltip title={t('deadline.unverifiedHelp')}>
          <Tag color="warning">{t('deadline.unverified')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
