// 案件列表: every line's matters in one list with filters (line, kind, state, the line's own such as 纠纷类型,
// organisation, opened dates, overdue, Chinese text), keyset "load more", the nearest deadline per row, and 新建 per creatable kind.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Input,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { CreateMatterModal } from '../components/CreateMatterModal.tsx';
import { LineListFilters } from '../components/LineListFilters.tsx';
import { useLabels } from '../components/labels.ts';
import { NextDue } from '../components/NextDue.tsx';
import { useOrgs } from '../components/OrgsContext.tsx';
import { buildOrgTree, type OrgNode } from '../components/orgTree.tsx';
import type { KindDef, MatterPage, MatterRow } from '../kernel/types.ts';
import { useLines } from '../kernel/useLines.ts';

const PAGE = 20;

interface Filters {
  state?: string;
  q?: string;
  ownerOrgId?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
  overdue?: boolean;
  /** A town's region code (镇街), for lines whose matters belong to organisations in the towns. */
  region?: string;
  /** The chosen line's own list filters (LineDef.listFilters), by id. */
  fields?: Record<string, string>;
}

export default function MattersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const labels = useLabels();
  const { orgs } = useOrgs();
  const lines = useLines();
  const [params, setParams] = useSearchParams();
  const line = params.get('line') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  // The workbench's figures open this list filtered (?state=&ownerOrgId=&overdue=true).
  const [filters, setFilters] = useState<Filters>(() => ({
    state: params.get('state') ?? undefined,
    ownerOrgId: Number(params.get('ownerOrgId')) || undefined,
    overdue: params.get('overdue') === 'true',
    region: params.get('region') ?? undefined,
  }));
  const [rows, setRows] = useState<MatterRow[]>([]);
  const [nextAfter, setNextAfter] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<{ line: string; kind: KindDef } | null>(null);
  const byTown = !!line && lines.lines.some((l) => l.id === line && l.byTown);
  // The towns in the user's scope, named by their 司法所 (招宝山街道司法所 → 招宝山街道).
  const townOptions = useMemo(
    () =>
      orgs
        .filter((o) => o.kind === 'justiceOffice' && /^\d{9}$/.test(o.regionCode))
        .sort((a, b) => a.regionCode.localeCompare(b.regionCode))
        .map((o) => ({ value: o.regionCode, label: o.name.replace(/司法所$/, '') })),
    [orgs],
  );

  const fetchPage = useCallback(
    async (after: number | null) => {
      setLoading(true);
      try {
        const page = await api.get<MatterPage>('/api/matters', {
          line,
          kind,
          state: filters.state,
          q: filters.q?.trim(),
          ownerOrgId: filters.ownerOrgId,
          openedFrom: filters.range?.[0]?.format('YYYY-MM-DD'),
          openedTo: filters.range?.[1]?.format('YYYY-MM-DD'),
          overdue: filters.overdue ? 'true' : undefined,
          region: byTown ? filters.region : undefined,
          ...(line ? filters.fields : undefined),
          after,
          limit: PAGE,
        });
        setRows((prev) => (after == null ? page.items : [...prev, ...page.items]));
        setNextAfter(page.nextAfter);
        setError(null);
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setLoading(false);
      }
    },
    [line, kind, filters, byTown],
  );

  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  const setLineKind = (l?: string, k?: string) => {
    const next = new URLSearchParams();
    if (l) next.set('line', l);
    if (k) next.set('kind', k);
    setParams(next);
    setFilters((f) => ({ ...f, state: undefined, fields: undefined }));
  };

  const kindOptions = useMemo(
    () =>
      lines.lines
        .filter((l) => !line || l.id === line)
        .flatMap((l) => l.kinds.map((k) => ({ value: `${l.id}/${k.id}`, label: k.label, line: l.id }))),
    [lines.lines, line],
  );
  // States of the chosen kind, else of every kind in view (same code, same label in practice).
  const stateOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const l of lines.lines) {
      if (line && l.id !== line) continue;
      for (const k of l.kinds) {
        if (kind && k.id !== kind) continue;
        for (const [s, d] of Object.entries(k.states)) if (!seen.has(s)) seen.set(s, d.label);
      }
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [lines.lines, line, kind]);

  // 新建 follows what the server says this user may register where (role and office), not the role alone.
  const [registrable, setRegistrable] = useState<Set<string>>(new Set());
  const writes = can('matter.write');
  useEffect(() => {
    if (!writes) return;
    api
      .get<{ line: string; kind: string }[]>('/api/matters/registrable')
      .then((rows) => setRegistrable(new Set(rows.map((r) => `${r.line}/${r.kind}`))))
      .catch(() => setRegistrable(new Set()));
  }, [writes]);
  const creatable = writes
    ? lines.lines
        .filter((l) => !line || l.id === line)
        .flatMap((l) =>
          l.kinds
            .filter((k) => (!kind || k.id === kind) && registrable.has(`${l.id}/${k.id}`))
            .map((k) => ({ line: l.id, kind: k })),
        )
    : [];

  // The workbench's 登记 buttons open the intake form at once (?line=&kind=&create=1).
  const wantCreate = params.get('create') === '1' ? creatable.find((c) => c.kind.id === kind) : undefined;
  // A page that opens the form for a record of its own (a visit turned into an application) passes its values.
  const prefill = (useLocation().state as { prefill?: Record<string, unknown> } | null)?.prefill;
  useEffect(() => {
    if (!wantCreate) return;
    // `creatable` is rebuilt at every render: keeping the form already open stops a render loop (React #185)
    // while the router has not yet dropped ?create=1.
    setCreating((cur) =>
      cur?.line === wantCreate.line && cur.kind.id === wantCreate.kind.id ? cur : wantCreate,
    );
    const next = new URLSearchParams(params);
    next.delete('create');
    setParams(next, { replace: true });
  }, [wantCreate, params, setParams]);

  const orgTree = useMemo(() => {
    const plain = (nodes: OrgNode[]): OrgNode[] =>
      nodes.map((n) => ({ ...n, title: n.org.name, value: n.key, children: plain(n.children) }));
    return plain(buildOrgTree(orgs, labels.kind));
  }, [orgs, labels.kind]);

  // On a phone only the title and the state remain (a row opens the matter); wider screens add the rest.
  const columns: ColumnsType<MatterRow> = [
    {
      title: t('matters.refNo'),
      dataIndex: 'refNo',
      width: 170,
      responsive: ['sm'],
      render: (v: string, m) => (
        <Link
          to={`/matters/${m.id}`}
          onClick={(e) => e.stopPropagation()}
          data-testid={`matter-link-${m.id}`}
        >
          {v}
        </Link>
      ),
    },
    { title: t('matters.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('matters.kind'),
      width: 110,
      responsive: ['md'],
      render: (_, m) => lines.kindOf(m.line, m.kind)?.label ?? m.kind,
    },
    {
      title: t('matters.state'),
      width: 110,
      render: (_, m) => (
        <Tag color={m.closedOn ? 'default' : 'processing'}>{lines.stateLabel(m.line, m.kind, m.state)}</Tag>
      ),
    },
    {
      title: t('matters.ownerOrg'),
      dataIndex: 'ownerOrgName',
      width: 150,
      ellipsis: true,
      responsive: ['xl'],
    },
    { title: t('matters.openedOn'), dataIndex: 'openedOn', width: 110, responsive: ['lg'] },
    {
      title: t('matters.nextDue'),
      width: 200,
      responsive: ['md'],
      render: (_, m) => <NextDue matter={m} />,
    },
  ];

  return (
    <Card size="small" title={t('menu.matters')}>
      <div className="page-toolbar">
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('matters.line')}
          value={line}
          options={lines.lines.map((l) => ({ value: l.id, label: l.label }))}
          onChange={(v?: string) => setLineKind(v, undefined)}
          data-testid="matters-line"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('matters.kind')}
          value={line && kind ? `${line}/${kind}` : undefined}
          options={kindOptions}
          onChange={(v?: string) => {
            const [l, k] = v ? v.split('/') : [line, undefined];
            setLineKind(l, k);
          }}
          data-testid="matters-kind"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('matters.state')}
          value={filters.state}
          options={stateOptions}
          onChange={(v?: string) => setFilters((f) => ({ ...f, state: v }))}
          data-testid="matters-state"
        />
        {byTown && townOptions.length > 0 && (
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('matters.town')}
            value={filters.region}
            options={townOptions}
            onChange={(v?: string) => setFilters((f) => ({ ...f, region: v }))}
            data-testid="matters-town"
          />
        )}
        <LineListFilters
          line={line ? lines.lines.find((l) => l.id === line) : undefined}
          values={filters.fields ?? {}}
          onChange={(fields) => setFilters((f) => ({ ...f, fields }))}
        />
        <TreeSelect
          allowClear
          style={{ width: 220 }}
          placeholder={t('matters.ownerOrg')}
          treeData={orgTree}
          value={filters.ownerOrgId}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandedKeys={orgTree.map((n) => n.key)}
          onChange={(v?: number) => setFilters((f) => ({ ...f, ownerOrgId: v }))}
          data-testid="matters-org"
        />
        <DatePicker.RangePicker
          value={filters.range ?? null}
          placeholder={[t('matters.openedFrom'), t('matters.openedTo')]}
          onChange={(v) => setFilters((f) => ({ ...f, range: v }))}
          data-testid="matters-opened"
        />
        <Checkbox
          checked={!!filters.overdue}
          onChange={(e) => setFilters((f) => ({ ...f, overdue: e.target.checked }))}
          data-testid="matters-overdue"
        >
          {t('matters.overdueOnly')}
        </Checkbox>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('matters.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(v) => setFilters((f) => ({ ...f, q: v }))}
          data-testid="matters-search"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void fetchPage(null)}>
          {t('common.refresh')}
        </Button>
        <span className="spacer" />
        <Space wrap>
          {creatable.map((c) => (
            <Button
              key={`${c.line}/${c.kind.id}`}
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(c)}
              data-testid={`create-${c.line}-${c.kind.id}`}
            >
              {c.kind.create.label}
            </Button>
          ))}
        </Space>
      </div>
      {(error || lines.error) && (
        <Alert type="error" showIcon title={error ?? lines.error} style={{ marginBottom: 12 }} />
      )}
      <Table<MatterRow>
        size="small"
        bordered
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        onRow={(m) => ({ onClick: () => navigate(`/matters/${m.id}`), style: { cursor: 'pointer' } })}
        data-testid="matters-table"
      />
      <div className="load-more">
        {nextAfter != null ? (
          <Button onClick={() => void fetchPage(nextAfter)} loading={loading} data-testid="matters-load-more">
            {t('audit.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <span className="muted">{t('matters.allLoaded', { count: rows.length })}</span>
        )}
      </div>
      <CreateMatterModal
        line={creating?.line ?? ''}
        kind={creating?.kind ?? null}
        prefill={prefill}
        onClose={() => setCreating(null)}
      />
    </Card>
  );
}
