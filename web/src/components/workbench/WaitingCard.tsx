// 待我办理: matters where the user's roles may take a step, by urgency (overdue, due within 3 working days, the
// rest), each opening its matter; the figures open the lists they come from.
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WaitingItem, Workbench } from '../../kernel/types.ts';
import { DeadlineBadge } from '../DeadlineBadge.tsx';
import { Figure, Nothing } from './Figure.tsx';

const buckets = ['overdue', 'dueSoon', 'other'] as const;

function WaitingRow({ m }: { m: WaitingItem }) {
  const { t } = useTranslation();
  return (
    <li className="wb-item">
      <Link to={`/matters/${m.matterId}`} className="wb-item-title" data-testid={`wb-waiting-${m.matterId}`}>
        <span className="wb-ref">{m.refNo}</span> {m.title}
      </Link>
      <div className="wb-item-meta">
        <Tag color="processing">{m.stateLabel}</Tag>
        {m.badge && <DeadlineBadge badge={m.badge} label={m.badgeLabel} />}
        {m.dueOn && <span className="muted">{t('home.dueOn', { date: m.dueOn })}</span>}
        {m.actions.length > 0 && (
          <span className="muted wb-actions">
            {t('home.canDo', { actions: m.actions.join(t('common.listSep')) })}
          </span>
        )}
      </div>
    </li>
  );
}

export function WaitingCard({ w }: { w: NonNullable<Workbench['waiting']> }) {
  const { t } = useTranslation();
  const total = w.counts.overdue + w.counts.dueSoon + w.counts.other;
  const links = {
    overdue: '/matters?overdue=true',
    dueSoon: '/deadlines?scope=office&filter=dueWithin&within=3',
    other: '/matters',
  };
  const tones = { overdue: 'danger', dueSoon: 'warning', other: 'normal' } as const;
  return (
    <Card size="small" title={t('home.waiting')} data-testid="wb-waiting">
      <div className="wb-figures">
        {buckets.map((b) => (
          <Figure
            key={b}
            to={links[b]}
            value={w.counts[b]}
            caption={t(`home.bucket.${b}`)}
            tone={w.counts[b] ? tones[b] : 'muted'}
            testId={`wb-count-${b}`}
          />
        ))}
      </div>
      {total === 0 ? (
        <Nothing testId="wb-waiting-none">{t('home.waitingNone')}</Nothing>
      ) : (
        buckets.map((b) => {
          const items = w.items.filter((i) => i.urgency === b);
          if (!items.length) return null;
          return (
            <section key={b} className="wb-group" data-testid={`wb-bucket-${b}`}>
              <h4 className={`wb-group-title wb-tone-${tones[b]}`}>
                {t(`home.bucket.${b}`)}
                {w.counts[b] > items.length && (
                  <span className="muted">
                    {t('home.firstN', { shown: items.length, total: w.counts[b] })}
                  </span>
                )}
              </h4>
              <ul className="wb-list">
                {items.map((m) => (
                  <WaitingRow key={m.matterId} m={m} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </Card>
  );
}
