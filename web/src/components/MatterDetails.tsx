// 案件信息: the line's own facts about the matter (申请事项, 当事人 …) as the server words them — label/value
// cards and tables — so the page shows what was registered without the kernel knowing any line's fields.
import { Card, Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DetailSection } from '../kernel/types.ts';

type Cell = string | number | boolean | null;

const isEmpty = (v: Cell) => v === null || v === '';

function text(v: Cell, yes: string, no: string): string {
  if (typeof v === 'boolean') return v ? yes : no;
  return isEmpty(v) ? '—' : String(v);
}

/** Long free text (请求, 事实) takes a whole row; short facts share one. */
const LONG = 40;

export function MatterDetails({ sections }: { sections: DetailSection[] }) {
  const { t } = useTranslation();
  const yes = t('common.yes');
  const no = t('common.no');
  return sections.map((s, i) => (
    <Card
      key={s.title}
      size="small"
      title={s.title}
      style={{ marginBottom: 16 }}
      data-testid={`matter-detail-${i}`}
    >
      {s.fields && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          className="matter-detail-fields"
          // Facts not yet known (决定类型 before the decision) are left out rather than shown as blanks.
          items={s.fields
            .filter((f) => !isEmpty(f.value))
            .map((f) => ({
              key: f.label,
              label: f.label,
              span: String(f.value).length > LONG ? ('filled' as const) : 1,
              children: <span className="pre-wrap">{text(f.value, yes, no)}</span>,
            }))}
        />
      )}
      {s.table && (
        <Table
          size="small"
          bordered
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey="key"
          columns={[
            ...s.table.columns.map((c, ci) => ({
              key: c,
              title: c,
              render: (_: unknown, row: { cells: Cell[] }) => text(row.cells[ci] ?? null, yes, no),
            })),
            ...(s.table.links
              ? [
                  {
                    key: 'link',
                    title: '',
                    render: (_: unknown, row: { link: string | null }) =>
                      row.link && (
                        <Link to={row.link} data-testid="detail-row-link">
                          {t('matter.openRecord')}
                        </Link>
                      ),
                  },
                ]
              : []),
          ]}
          dataSource={s.table.rows.map((cells, key) => ({ key, cells, link: s.table?.links?.[key] ?? null }))}
          data-testid={`matter-detail-table-${i}`}
        />
      )}
    </Card>
  ));
}
