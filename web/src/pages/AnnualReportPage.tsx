// 年度报告: the annual rule-of-law report of a year as an edition — the draft's blocks (the bureau's narrative and
// the lines' paragraphs, composed from today's records, every figure a link to its records) edited by the bureau's
// staff, reviewed, approved (签发) and published by a leader; the published edition frozen, and the figures that
// moved in the records since. Downloads: HTML for the 信息公开 site, DOCX and PDF in GB/T 9704 form.
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type * as annual from '../../../src/kernel/reports/annual/contracts.ts';
import { api, errorMessage } from '../api.ts';
import { BlockCard } from '../components/annual-report/BlockCard.tsx';
import type { Wire } from '../kernel/types.ts';

type View = Wire<typeof annual.annualReportView>;
type Diff = Wire<typeof annual.figureDiff>;
type Action = View['allowedActions'][number];

const stateColor = { draft: 'default', reviewed: 'blue', approved: 'gold', published: 'green' } as const;

export default function AnnualReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The year is in the address (?year=2024), so a reload or a shared link opens the same edition.
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear() - 1;
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  const [id, setId] = useState<number | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const navigate = useNavigate();
  // The published edition's figures are the server's links: followed inside the app (a modified click opens a tab).
  const publishedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = publishedRef.current;
    if (!el) return;
    const follow = (e: MouseEvent) => {
      const href = (e.target as HTMLElement).closest('a')?.getAttribute('href');
      if (!href?.startsWith('/') || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      void navigate(href);
    };
    el.addEventListener('click', follow);
    return () => el.removeEventListener('click', follow);
  });

  const load = useCallback(
    async (reportId: number) => {
      const v = await api.get<View>(`/api/annual-reports/${reportId}`);
      setView(v);
      setDiff(
        v.report.state === 'published' ? await api.get<Diff>(`/api/annual-reports/${reportId}/diff`) : null,
      );
      form.setFieldsValue({
        indexNo: v.report.indexNo ?? '',
        writtenOn: v.report.writtenOn ? dayjs(v.report.writtenOn) : null,
        publisher: v.report.publisher,
        disclosure: v.report.disclosure,
      });
    },
    [form],
  );

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const open = () =>
    run(async () => {
      const r = await api.post<{ id: number; created: boolean }>('/api/annual-reports', { year });
      setId(r.id);
      await load(r.id);
      if (r.created) void message.success(t('annualReport.created', { year }));
    });

  // The year's edition opens when the page does, if it exists (a reader may not create one).
  useEffect(() => {
    api
      .get<{ id: number; year: number }[]>('/api/annual-reports')
      .then((list) => {
        const found = list.find((r) => r.year === year);
        if (found) {
          setId(found.id);
          return load(found.id);
        }
        setId(null);
        setView(null);
        return undefined;
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [year, load]);

  const step = (action: Action) =>
    run(async () => {
      await api.post(`/api/annual-reports/${id}/actions/${action}`, { version: view!.report.version });
      await load(id!);
      void message.success(t(`annualReport.done.${action}`));
    });

  const saveMeta = () =>
    run(async () => {
      const v = await form.validateFields();
      await api.put(`/api/annual-reports/${id}/meta`, {
        indexNo: v.indexNo || null,
        writtenOn: v.writtenOn ? v.writtenOn.format('YYYY-MM-DD') : null,
        publisher: v.publisher,
        disclosure: v.disclosure,
        version: view!.report.version,
      });
      await load(id!);
    });

  const addBlock = (part: string) =>
    run(async () => {
      await api.post(`/api/annual-reports/${id}/blocks`, {
        part,
        template: t('annualReport.newText'),
        newParagraph: true,
      });
      await load(id!);
    });

  const draft = view?.report.state === 'draft';
  const editable = Boolean(view?.can.edit && draft);
  const edition = view?.report.state === 'published' ? 'published' : 'live';
  const download = (format: 'html' | 'docx' | 'pdf') =>
    run(() =>
      api.download(
        `/api/annual-reports/${id}/${format}`,
        { edition },
        `${t('annualReport.fileName', { year })}.${format}`,
      ),
    );

  return (
    <Card
      size="small"
      title={t('menu.annualReport')}
      extra={
        <Space>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            data-testid="annual-year"
          />
          <Button type="primary" loading={busy} onClick={() => void open()} data-testid="annual-open">
            {t('annualReport.open')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!view && !error && id !== null && <Spin style={{ display: 'block', margin: 32 }} />}
      {!view && id === null && (
        <Typography.Text type="secondary">{t('annualReport.none', { year })}</Typography.Text>
      )}
      {view && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={stateColor[view.report.state]} data-testid="annual-state">
              {t(`annualReport.state.${view.report.state}`)}
            </Tag>
            {view.can.sign &&
              view.allowedActions.map((a) => (
                <Button
                  key={a}
                  loading={busy}
                  onClick={() => void step(a)}
                  data-testid={`annual-action-${a}`}
                >
                  {t(`annualReport.action.${a}`)}
                </Button>
              ))}
            <Button icon={<FileWordOutlined />} onClick={() => void download('docx')}>
              DOCX
            </Button>
            <Button onClick={() => void download('pdf')}>PDF</Button>
            <Button onClick={() => void download('html')}>HTML</Button>
          </Space>
          <Form form={form} layout="inline" disabled={!editable} style={{ marginBottom: 12 }}>
            <Form.Item name="indexNo" label={t('annualReport.indexNo')}>
              <Input style={{ width: 220 }} data-testid="annual-index-no" />
            </Form.Item>
            <Form.Item name="writtenOn" label={t('annualReport.writtenOn')}>
              <DatePicker data-testid="annual-written-on" />
            </Form.Item>
            <Form.Item name="publisher" label={t('annualReport.publisher')} rules={[{ required: true }]}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="disclosure" label={t('annualReport.disclosure')}>
              <Select
                style={{ width: 120 }}
                options={['主动公开', '依申请公开', '不予公开'].map((v) => ({ value: v, label: v }))}
              />
            </Form.Item>
            {editable && (
              <Button onClick={() => void saveMeta()} loading={busy} data-testid="annual-meta-save">
                {t('annualReport.save')}
              </Button>
            )}
          </Form>
          <Tabs
            items={[
              {
                key: 'draft',
                label: t('annualReport.tab.draft'),
                children: view.parts.map((p) => (
                  <Card
                    key={p.part}
                    size="small"
                    title={p.label}
                    style={{ marginBottom: 8 }}
                    data-testid={`annual-part-${p.part}`}
                  >
                    {view.blocks
                      .filter((b) => b.part === p.part)
                      .map((b) => (
                        <BlockCard
                          key={`${b.id}:${b.version}`}
                          reportId={view.report.id}
                          block={b}
                          editable={editable}
                          onSaved={() => void load(view.report.id)}
                          onError={setError}
                        />
                      ))}
                    {editable && p.part !== 'title' && (
                      <Button
                        size="small"
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() => void addBlock(p.part)}
                      >
                        {t('annualReport.addBlock')}
                      </Button>
                    )}
                  </Card>
                )),
              },
              ...(view.publishedHtml
                ? [
                    {
                      key: 'published',
                      label: t('annualReport.tab.published'),
                      children: (
                        <>
                          <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
                            <Descriptions.Item label={t('annualReport.asOf')}>
                              {view.report.asOf ? new Date(view.report.asOf).toLocaleString('zh-CN') : ''}
                            </Descriptions.Item>
                          </Descriptions>
                          <div
                            ref={publishedRef}
                            className="annual-published"
                            data-testid="annual-published"
                            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-escaped text; it adds only the figure links
                            dangerouslySetInnerHTML={{ __html: view.publishedHtml }}
                          />
                        </>
                      ),
                    },
                    {
                      key: 'diff',
                      label: t('annualReport.tab.diff'),
                      children: (
                        <Table
                          size="small"
                          rowKey={(f) => `${f.blockId}:${f.indicator}:${f.part}:${f.published}`}
                          pagination={false}
                          data-testid="annual-diff"
                          dataSource={(diff?.figures ?? []).filter((f) => f.changed)}
                          locale={{ emptyText: t('annualReport.noChange') }}
                          columns={[
                            { title: t('annualReport.indicator'), dataIndex: 'name' },
                            {
                              title: t('annualReport.figureKind'),
                              dataIndex: 'part',
                              render: (p: string) => t(`annualReport.figurePart.${p}`, p),
                            },
                            { title: t('annualReport.published'), dataIndex: 'published' },
                            { title: t('annualReport.live'), dataIndex: 'live' },
                          ]}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Card>
  );
}
