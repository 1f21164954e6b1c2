// The nearest running deadline of a matter in a list: its date and the server's badge (the same one the
// matter page shows, counted in working days on the official calendar), so a list never disagrees with a page.
import { Space, Typography } from 'antd';
import type { MatterRow } from '../kernel/types.ts';
import { DeadlineBadge, ProvisionalTag } from './DeadlineBadge.tsx';

export function NextDue({ matter: m }: { matter: MatterRow }) {
  if (!m.nextDue) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{m.nextDue}</span>
      {m.nextDueBadge && (
        <DeadlineBadge badge={m.nextDueBadge} label={m.nextDueBadgeLabel} testId={`next-due-${m.id}`} />
      )}
      {m.nextDueProvisional && <ProvisionalTag />}
    </Space>
  );
}
