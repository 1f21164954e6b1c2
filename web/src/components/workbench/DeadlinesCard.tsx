// 本单位期限: the office's running and paused periods — overdue, due soon, paused — and the most pressing ones.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Workbench } from '../../kernel/types.ts';
import { DeadlineBadge } from '../DeadlineBadge.tsx';
import { Figure, Nothing } from './Figure.tsx';

type OfficeDeadline = NonNullable<Workbench['officeDeadlines']>['items'][number];

/** The days left in the reader's language (the server's Chinese words as the fallback). */
function remaining(t: (k: string, o: Record<string, unknown>) => string, d: OfficeDeadline) {
  if (d.daysLeft === null || d.dayUnit === null) return d.remainingText;
  const o = { count: Math.abs(d.daysLeft), defaultValue: d.remainingText ?? '' };
  if (d.badge === 'paused') return t(`remaining.paused.${d.dayUnit}`, o);
  if (d.daysLeft > 0) return t(`remaining.left.${d.dayUnit}`, o);
  if (d.daysLeft === 0) return t('remaining.today', o);
  return t(`remaining.${d.badge === 'overdue' ? 'overdue' : 'after'}.${d.dayUnit}`, o);
}

export function DeadlinesCard({ d }: { d: NonNullable<Workbench['officeDeadlines']> }) {
  const { t } = useTranslation();
  const page = '/deadlines?scope=office';
  return (
    <Card
      size="small"
      title={t('home.officeDeadlines')}
      extra={<Link to={`${page}&filter=all`}>{t('home.all')}</Link>}
      data-testid="wb-deadlines"
    >
      <div className="wb-figures">
        <Figure
          to={`${page}&filter=overdue`}
          value={d.counts.overdue}
          caption={t('home.deadlineOverdue')}
          tone={d.counts.overdue ? 'danger' : 'muted'}
          testId="wb-deadlines-overdue"
        />
        <Figure
          to={`${page}&filter=dueWithin&within=3`}
          value={d.counts.dueSoon}
          caption={t('home.deadlineDueSoon')}
          tone={d.counts.dueSoon ? 'warning' : 'muted'}
          testId="wb-deadlines-soon"
        />
        <Figure
          to={`${page}&filter=paused`}
          value={d.counts.paused}
          caption={t('home.deadlinePaused')}
          tone="muted"
          testId="wb-deadlines-paused"
        />
      </div>
      {d.items.length === 0 ? (
        <Nothing>{t('home.deadlinesNone')}</Nothing>
      ) : (
        <ul className="wb-list">
          {d.items.map((x) => (
            <li key={x.id} className="wb-item">
              <Link to={`/matters/${x.matterId}`} className="wb-item-title">
                <span className="wb-ref">{x.refNo}</span> {x.title}
              </Link>
              <div className="wb-item-meta">
                <DeadlineBadge badge={x.badge} label={x.badgeLabel} />
                <span>{remaining(t, x)}</span>
                <span className="muted">{x.event}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
