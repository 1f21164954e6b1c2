// One block of the annual report: its text composed from today's records (figures link to their records) and, for
// those who may edit the draft, its template in a text box. Saving sends the version read, so two editors never
// overwrite each other silently; every version is kept on the server (历次版本).
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Input, List, Popover, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type * as annual from '../../../../src/kernel/reports/annual/contracts.ts';
import { api, errorMessage } from '../../api.ts';
import type { Wire } from '../../kernel/types.ts';

export type AnnualBlock = Wire<typeof annual.annualBlock>;
type BlockVersion = Wire<typeof annual.blockVersion>;
type Segment = AnnualBlock['segments'][number];

/** Composed text as React elements: plain text, and figures as links to their drill-downs. */
export function SegmentsText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        'indicator' in s ? (
          <Link
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
            key={i}
            className="indicator-figure"
            to={`/indicators/${encodeURIComponent(s.indicator)}?year=${s.year}&region=${s.region}`}
          >
            {s.text}
          </Link>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

interface Props {
  reportId: number;
  block: AnnualBlock;
  editable: boolean;
  onSaved(): void;
  onError(message: string): void;
}

export function BlockCard({ reportId, block, editable, onSaved, onError }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(block.template);
  const [saving, setSaving] = useState(false);
  const [versions, setVersions] = useState<BlockVersion[] | null>(null);

  const save = async () => {
    setSaving(true);
    try {
      await api.put(`/api/annual-reports/${reportId}/blocks/${block.id}`, {
        template: draft,
        version: block.version,
      });
      setEditing(false);
      onSaved();
    } catch (err) {
      onError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const loadVersions = () =>
    api
      .get<BlockVersion[]>(`/api/annual-reports/${reportId}/blocks/${block.id}/versions`)
      .then(setVersions)
      .catch((err: unknown) => onError(errorMessage(err)));

  return (
    <div className="annual-block" data-testid={`annual-block-${block.id}`}>
      <Space size="small" className="annual-block-tags">
        <Tag color={block.kind === 'line' ? 'blue' : block.kind === 'heading' ? 'purple' : 'default'}>
          {block.kind === 'line'
            ? t('annualReport.lineBlock', { id: block.sectionId })
            : t(`annualReport.kind.${block.kind}`)}
        </Tag>
        {block.newParagraph && <Tag>{t('annualReport.newParagraph')}</Tag>}
        <Popover
          trigger="click"
          onOpenChange={(open) => open && void loadVersions()}
          content={
            <List
              size="small"
              style={{ maxWidth: 480 }}
              dataSource={versions ?? []}
              renderItem={(v) => (
                <List.Item>
                  <Typography.Text type="secondary">
                    {t('annualReport.versionLine', {
                      version: v.version,
                      who: v.changedName,
                      when: new Date(v.changedAt).toLocaleString('zh-CN'),
                    })}
                  </Typography.Text>
                  <div>{v.template}</div>
                </List.Item>
              )}
            />
          }
        >
          <Button size="small" type="link" icon={<HistoryOutlined />}>
            {t('annualReport.versions', { version: block.version })}
          </Button>
        </Popover>
        {editable && !editing && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => {
              setDraft(block.template);
              setEditing(true);
            }}
            data-testid={`annual-edit-${block.id}`}
          >
            {t('annualReport.edit')}
          </Button>
        )}
      </Space>
      {editing ? (
        <div>
          <Input.TextArea
            value={draft}
            autoSize={{ minRows: 2, maxRows: 12 }}
            onChange={(e) => setDraft(e.target.value)}
            data-testid={`annual-template-${block.id}`}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
            {t('annualReport.templateHelp', {
              value: '{{指标编号}}',
              change: '{{指标编号|change}}',
              yoy: '{{指标编号|yoy}}',
              year: '{{report.year}}',
              interpolation: { escapeValue: false },
            })}
          </Typography.Paragraph>
          <Space>
            <Button
              type="primary"
              size="small"
              loading={saving}
              onClick={() => void save()}
              data-testid={`annual-save-${block.id}`}
            >
              {t('annualReport.save')}
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              {t('annualReport.cancel')}
            </Button>
          </Space>
        </div>
      ) : (
        <Typography.Paragraph className="annual-block-text">
          <SegmentsText segments={block.segments} />
        </Typography.Paragraph>
      )}
    </div>
  );
}
