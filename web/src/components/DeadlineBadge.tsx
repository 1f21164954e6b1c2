// How a deadline looks everywhere: a coloured status tag, the provisional-calendar mark, and the rule's legal
// basis one hover away — a reviewer must see what is due and why without opening anything.
import { BookOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Popover, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineBadge as Badge, Citation } from '../kernel/types.ts';

const colour: Record<Badge, string> = {
  overdue: 'red',
  // A lapse into a legal effect (期满视为受理) is not the office's fault: purple, never the alarm red.
  lapsed: 'purple',
  dueSoon: 'orange',
  running: 'blue',
  paused: 'default',
  met: 'green',
  metLate: 'volcano',
  stopped: 'default',
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
