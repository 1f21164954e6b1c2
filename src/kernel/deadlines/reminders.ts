import type { Tx } from '../../platform/db/pool.ts';
import { currentCalendar } from '../calendar/service.ts';
import { deadlineStatusSql, statusDates } from './badge.ts';

/**
 * The daily reminder run for business day `day`: one notification per deadline whose status (deadline_status) is
 * overdue or due soon, to the matter's handler (who registered it), and one digest per handler. A period that
 * lapses into a legal effect (视为受理), a party's period and a guideline never remind.
 * Set-based and idempotent: a second run on the same day adds nothing.
 */
export async function sendDeadlineReminders(tx: Tx, day: string) {
  const { today, soon } = statusDates(await currentCalendar(tx), day);
  const reminders = await tx.query(
    `INSERT INTO notifications (user_id, kind, matter_id, deadline_id, title, body, created_on)
     SELECT m.created_by, 'deadline', m.id, d.id,
            CASE d.badge WHEN 'overdue' THEN '已超期：' ELSE '即将到期：' END || m.ref_no,
            m.title || '，期限届满日 ' || to_char(d.due_on, 'YYYY-MM-DD') || CASE WHEN d.provisional THEN '（暂定日历）' ELSE '' END,
            $1
     FROM (SELECT dl.*, ${deadlineStatusSql('dl', '$1', '$2')} AS badge FROM deadlines dl WHERE dl.status = 'running') d
     JOIN matters m ON m.id = d.matter_id JOIN users u ON u.id = m.created_by
     WHERE d.badge IN ('overdue', 'dueSoon') AND NOT u.disabled
     ON CONFLICT DO NOTHING`,
    [today, soon],
  );
  const digests = await tx.query(
    `INSERT INTO notifications (user_id, kind, title, body, created_on)
     SELECT user_id, 'digest', '今日期限提醒',
            '超期 ' || count(*) FILTER (WHERE title LIKE '已超期%') || ' 件，3个工作日内到期 ' ||
            count(*) FILTER (WHERE title LIKE '即将到期%') || ' 件', $1
     FROM notifications WHERE kind = 'deadline' AND created_on = $1 GROUP BY user_id
     ON CONFLICT DO NOTHING`,
    [day],
  );
  return { reminders: reminders.rowCount ?? 0, digests: digests.rowCount ?? 0 };
}
