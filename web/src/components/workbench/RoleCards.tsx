// What a leader, a township office and an administrator see besides their own work: the key figures of the scope
// with year-on-year and the overdue matters by office; the office's work across lines; the organisation overview.
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Workbench } from '../../kernel/types.ts';
import { useLabels } from '../labels.ts';
import { Figure, Nothing } from './Figure.tsx';

export function LeaderCards({ l }: { l: NonNullable<Workbench['leader']> }) {
  const { t } = useTranslation();
  const scope = `year=${l.year}&region=${l.region}&org=${l.orgId}`;
  // 同比 in the reader's language; without a comparable figure (last year zero, or a rate) only last year's value.
  const change = (yoy: number | null) =>
    yoy === null
      ? null
      : yoy > 0
        ? t('home.yoyUp', { pct: yoy.toFixed(1) })
        : yoy < 0
          ? t('home.yoyDown', { pct: Math.abs(yoy).toFixed(1) })
          : t('home.yoyFlat');
  return (
    <>
      <Card
        size="small"
        title={t('home.keyIndicators', { year: l.year, org: l.orgName })}
        extra={<Link to={`/indicators?${scope}`}>{t('home.allIndicators')}</Link>}
        data-testid="wb-indicators"
      >
        {l.indicators.length === 0 ? (
          <Nothing>{t('home.indicatorsNone')}</Nothing>
        ) : (
          <div className="wb-figures wb-figures-wide">
            {l.indicators.map((i) => (
              <Link
                key={i.id}
                to={`/indicators/${i.id}?${scope}`}
                className="wb-figure wb-indicator"
                data-testid={`wb-indicator-${i.id}`}
              >
                <span className="wb-figure-caption">{i.name}</span>
                <span className="wb-figure-value">
                  {i.value}
                  <small>{i.unit}</small>
                </span>
                <span className="wb-figure-hint">
                  {t('home.lastYear', { value: i.previous, unit: i.unit })}
                  {change(i.yoy) && ` · ${change(i.yoy)}`}
                </span>
              </Link>
            ))}
          </div>
        )}
      </Card>
      <Card size="small" title={t('home.overdueByOffice')} data-testid="wb-overdue-by-office">
        {l.overdueByOffice.length === 0 ? (
          <Nothing>{t('home.overdueNone')}</Nothing>
        ) : (
          <ul className="wb-list">
            {l.overdueByOffice.map((o) => (
              <li key={o.orgId} className="wb-item wb-item-row">
                <Link to={`/matters?overdue=true&ownerOrgId=${o.orgId}`} className="wb-item-title">
                  {o.orgName}
                </Link>
                <Link to={`/matters?overdue=true&ownerOrgId=${o.orgId}`} className="wb-count wb-tone-danger">
                  {t('home.overdueCount', { count: o.overdue })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

export function TownshipCard({ w }: { w: NonNullable<Workbench['township']> }) {
  const { t } = useTranslation();
  const office = w.offices.length === 1 ? w.offices[0]! : null;
  const own = office ? `&ownerOrgId=${office.orgId}` : '';
  // One block per line and kind, its states in the order the server sends.
  const groups = new Map<string, typeof w.byState>();
  for (const r of w.byState) {
    const key = `${r.line}/${r.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return (
    <Card
      size="small"
      title={t('home.townshipWork', { office: w.offices.map((o) => o.orgName).join(t('common.listSep')) })}
      data-testid="wb-township"
    >
      {groups.size === 0 ? (
        <Nothing>{t('home.townshipNone')}</Nothing>
      ) : (
        [...groups].map(([key, rows]) => {
          const first = rows[0]!;
          const open = rows.filter((r) => !r.terminal).reduce((s, r) => s + r.count, 0);
          const overdue = rows.reduce((s, r) => s + r.overdue, 0);
          return (
            <section key={key} className="wb-group">
              <h4 className="wb-group-title">
                <Link to={`/matters?line=${first.line}&kind=${first.kind}${own}`}>
                  {first.lineLabel} · {first.kindLabel}
                </Link>
                <span className="muted">
                  {t('home.openCount', { count: open })}
                  {overdue > 0 && (
                    <span className="wb-tone-danger"> {t('home.overdueCount', { count: overdue })}</span>
                  )}
                </span>
              </h4>
              <div className="wb-states">
                {rows.map((r) => (
                  <Link
                    key={r.state}
                    to={`/matters?line=${r.line}&kind=${r.kind}&state=${r.state}${own}`}
                    data-testid={`wb-township-${r.line}-${r.kind}-${r.state}`}
                  >
                    <Tag color={r.terminal ? 'default' : 'processing'}>
                      {r.stateLabel} {r.count}
                    </Tag>
                  </Link>
                ))}
              </div>
            </section>
          );
        })
      )}
    </Card>
  );
}

export function AdminCard({ a }: { a: NonNullable<Workbench['admin']> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Card
      size="small"
      title={t('home.overview')}
      extra={<Link to="/orgs">{t('home.orgTree')}</Link>}
      data-testid="wb-admin"
    >
      <div className="wb-figures wb-figures-wide">
        <Figure to="/orgs" value={a.orgs.total} caption={t('home.totalOrgs')} testId="wb-orgs-total" />
        {a.orgs.byKind.map((k) => (
          <Figure key={k.kind} to="/orgs" value={k.count} caption={labels.kind(k.kind)} tone="muted" />
        ))}
      </div>
      <div className="wb-figures wb-figures-wide">
        <Figure to="/users" value={a.users.total} caption={t('home.users')} testId="wb-users-total" />
        <Figure
          to="/users"
          value={a.users.locked}
          caption={t('home.usersLocked')}
          tone={a.users.locked ? 'warning' : 'muted'}
        />
        <Figure to="/users" value={a.users.disabled} caption={t('home.usersDisabled')} tone="muted" />
        <Figure
          to="/users"
          value={a.users.mustChangePassword}
          caption={t('home.usersMustChange')}
          tone="muted"
        />
      </div>
    </Card>
  );
}
