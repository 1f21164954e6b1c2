// One paragraph of the annual report: the line's template composed from the indicators for the chosen year and
// region. The server escapes every piece of text and only wraps figures in links, so its `html` is inserted as
// is and nothing from the template is ever turned into markup here. The wording can be edited and recomposed;
// the figures always come from the records.
import { EditOutlined, ReloadOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../api.ts';
import type { ComposedReport, ReportSection } from '../../kernel/types.ts';

interface Props {
  section: ReportSection;
  /** Heading number in the report (一、二、…). */
  heading: string;
  year: number;
  region: string;
  org: number | undefined;
  template: string;
  onTemplate(template: string): void;
}

export function ReportSectionCard({ section, heading, year, region, org, template, onTemplate }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(template);

  // Recomposed when the scope changes or an edited template is applied, not on every keystroke.
  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .post<ComposedReport>('/api/reports/compose', { title: section.title, template, year, region, org })
      .then((r) => {
        if (!live) return;
        setHtml(r.html);
        setError(null);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [section.title, template, year, region, org]);

  // Figures link to /indicators/…: followed inside the app without reloading it (a modified click still opens
  // a new tab). A native listener, since the links are the server's markup, not React elements.
  const textRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const follow = (e: MouseEvent) => {
      const href = (e.target as HTMLElement).closest('a')?.getAttribute('href');
      if (!href?.startsWith('/') || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      void navigate(href);
    };
    el.addEventListener('click', follow);
    return () => el.removeEventListener('click', follow);
  }, [navigate]);

  const changed = template !== section.template;
  return (
    <Card
      size="small"
      title={`${heading}、${section.title}`}
      data-testid={`report-section-${section.id}`}
      extra={
        <Space>
          {changed && !editing && <Typography.Text type="warning">{t('reports.edited')}</Typography.Text>}
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => {
              setDraft(template);
              setEditing((v) => !v);
            }}
            data-testid={`report-edit-${section.id}`}
          >
            {editing ? t('reports.closeEditor') : t('reports.editTemplate')}
          </Button>
        </Space>
      }
    >
      {editing && (
        <div className="report-editor">
          <Input.TextArea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoSize={{ minRows: 4, maxRows: 16 }}
            data-testid={`report-template-${section.id}`}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 8px' }}>
            {/* The placeholders are passed as values so i18next does not read them as its own. */}
            {t('reports.templateHelp', {
              value: `{{${t('reports.indicatorId')}}}`,
              yoy: `{{${t('reports.indicatorId')}|yoy}}`,
              change: `{{${t('reports.indicatorId')}|change}}`,
              previous: `{{${t('reports.indicatorId')}|previous}}`,
            })}
          </Typography.Paragraph>
          <Space style={{ marginBottom: 12 }}>
            <Button
              type="primary"
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => onTemplate(draft)}
              data-testid={`report-recompose-${section.id}`}
            >
              {t('reports.recompose')}
            </Button>
            <Button
              size="small"
              icon={<UndoOutlined />}
              disabled={draft === section.template && !changed}
              onClick={() => {
                setDraft(section.template);
                onTemplate(section.template);
              }}
              data-testid={`report-reset-${section.id}`}
            >
              {t('reports.reset')}
            </Button>
          </Space>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Spin spinning={loading}>
        <div
          ref={textRef}
          className="report-text"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: server-escaped text; it adds only the figure links
          dangerouslySetInnerHTML={{ __html: html ?? '' }}
          data-testid={`report-html-${section.id}`}
        />
      </Spin>
    </Card>
  );
}
