// The nearest running deadline of a matter in a list: overdue in red, near in orange, with days left, so a
// reviewer scanning the list sees what is pressing without opening each matter.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../kernel/dates.ts';
import { ProvisionalTag } from './DeadlineBadge.tsx';

/** Calendar days under which a deadline is flagged in a list (the list has no working-day calendar). */
const NEAR_DAYS = 5;

export function NextDue({
  due,
  overdue,
  provisional,
  today,
}: {
  due: string | null;
  overdue: boolean | null;
  provisional: boolean | null;
  today: string;
}) {
  const { t } = useTranslation();
  if (!due) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = daysBetween(today, due);
  return (
    <Space size={4} wrap>
      <span>{due}</span>
      {overdue ? (
        <Tag color="red" data-testid="next-due-overdue">
          {t('matters.overdueBy', { count: -left })}
        </Tag>
      ) : (
        <Tag color={left <= NEAR_DAYS ? 'orange' : 'blue'}>{t('matters.daysLeft', { count: left })}</Tag>
      )}
      {provisional && <ProvisionalTag />}
    </Space>
  );
}
