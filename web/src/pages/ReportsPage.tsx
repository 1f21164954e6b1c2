// 报告: the annual rule-of-law report as the lines contribute it — each registered section composed from the
// indicators for a year (last year by default) and a region, every figure linked to its records; the wording can
// be edited per section, and the whole downloads as an official-format DOCX.
import { FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import { IndicatorScope, useIndicatorScope } from '../components/IndicatorScope.tsx';
import { ReportSectionCard } from '../components/reports/ReportSectionCard.tsx';
import type { ReportSection } from '../kernel/types.ts';

const NUMERALS = '一二三四五六七八九十';
/** 一 … 十, then 十一 … 十九: more sections than that is not a report anyone writes. */
const heading = (i: number) => (i < 10 ? NUMERALS[i]! : `十${NUMERALS[i - 10] ?? ''}`);

export default function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const scope = useIndicatorScope(1);
  const [sections, setSections] = useState<ReportSection[] | null>(null);
  const [templates, setTemplates] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    api
      .get<ReportSection[]>('/api/reports/sections')
      .then((s) => {
        setSections(s);
        setTemplates(Object.fromEntries(s.map((x) => [x.id, x.template])));
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  const title = t('reports.title', { year: scope.year });

  const download = async () => {
    if (!sections) return;
    setDownloading(true);
    try {
      // "一、标题" lines become level-1 headings in the DOCX; each section's text is its own paragraph.
      const template = sections
        .map((s, i) => `${heading(i)}、${s.title}\n${templates[s.id] ?? s.template}`)
        .join('\n');
      await api.downloadPost(
        '/api/reports/compose.docx',
        { title, template, year: scope.year, region: scope.region, org: scope.org },
        `${title}.docx`,
      );
    } catch (err) {
      void message.error(errorMessage(err), 6);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('menu.reports')}
      extra={
        <Button
          type="primary"
          icon={<FileWordOutlined />}
          loading={downloading}
          disabled={!sections?.length}
          onClick={() => void download()}
          data-testid="report-docx"
        >
          {t('reports.downloadDocx')}
        </Button>
      }
    >
      <div className="page-toolbar">
        <IndicatorScope scope={scope} />
        <Typography.Text type="secondary">{t('reports.scopeNote')}</Typography.Text>
      </div>
      <Typography.Title level={3} className="report-title" data-testid="report-title">
        {title}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      {!sections && !error && <Spin style={{ display: 'block', margin: 32 }} />}
      {sections?.length === 0 && <Empty description={t('reports.none')} />}
      <div className="report-sections">
        {sections?.map((s, i) => (
          <ReportSectionCard
            key={s.id}
            section={s}
            heading={heading(i)}
            year={scope.year}
            region={scope.region}
            org={scope.org}
            template={templates[s.id] ?? s.template}
            onTemplate={(tpl) => setTemplates((all) => ({ ...all, [s.id]: tpl }))}
          />
        ))}
      </div>
    </Card>
  );
}
