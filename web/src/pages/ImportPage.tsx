// 台账导入: choose a ledger and an office, download its template, upload a filled ledger, read the dry run (every
// row with a problem, in the server's Chinese sentences), fix or skip rows, import with a progress bar, download
// the result report. The server checks every row with the intake form's schema; this page only shows and sends.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Progress,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import type { ImportBatch, ImportKind, ImportRow } from '../kernel/types.ts';

const statusColour: Record<ImportRow['status'], string> = {
  ok: 'green',
  bad: 'red',
  skipped: 'default',
  imported: 'blue',
  failed: 'orange',
  already: 'purple',
};

/** Share of the rows to import that are done: imported or failed, out of those plus the ones still waiting. */
const percentDone = (c: ImportBatch['counts']) => {
  const total = c.ok + c.imported + c.failed;
  return total === 0 ? 100 : Math.floor(((c.imported + c.failed) / total) * 100);
};

function EditRowModal({
  batchId,
  kind,
  row,
  onClose,
  onSaved,
}: {
  batchId: number;
  kind: ImportKind;
  row: ImportRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState(row.errors);
  const current = Object.fromEntries(row.cells.map((c) => [c.field, c.value]));
  const personal = new Set(kind.columns.filter((c) => c.personal).map((c) => c.field));
  // Identity and phone numbers arrive masked: their inputs start empty and are sent only when typed.
  const initial = Object.fromEntries(
    kind.columns.map((c) => [c.field, personal.has(c.field) ? '' : (current[c.field] ?? '')]),
  );
  const byField = new Map(errors.map((e) => [e.field, e.message]));

  const save = async () => {
    const values = form.getFieldsValue();
    const cells: Record<string, string> = {};
    for (const c of kind.columns) {
      const v = values[c.field] ?? '';
      if (personal.has(c.field) ? v !== '' : v !== initial[c.field]) cells[c.field] = v;
    }
    setSaving(true);
    try {
      const saved = await api.patch<ImportRow>(`/api/imports/${batchId}/rows/${row.rowNo}`, { cells });
      if (saved.status === 'ok') onSaved();
      else setErrors(saved.errors);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('importPage.editTitle', { row: row.rowNo })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('importPage.save')}
      cancelText={t('importPage.cancel')}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      {errors
        .filter((e) => !e.field)
        .map((e) => (
          <Alert key={e.text} type="error" showIcon title={e.message} style={{ marginBottom: 8 }} />
        ))}
      <Form form={form} layout="vertical" initialValues={initial} data-testid="import-edit-form">
        {kind.columns.map((c) => (
          <Form.Item
            key={c.field}
            name={c.field}
            label={c.header}
            required={c.required}
            validateStatus={byField.has(c.field) ? 'error' : undefined}
            help={byField.get(c.field)}
          >
            {c.options ? (
              <Select
                allowClear
                options={c.options.map((o) => ({ value: o, label: o }))}
                onClear={() => form.setFieldValue(c.field, '')}
              />
            ) : (
              <Input
                placeholder={
                  personal.has(c.field) && current[c.field]
                    ? t('importPage.keepPersonal', { masked: current[c.field] })
                    : c.example
                }
              />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kinds, setKinds] = useState<ImportKind[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [orgId, setOrgId] = useState<number | null>(null);
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const [busy, setBusy] = useState<'upload' | 'run' | null>(null);
  const [editing, setEditing] = useState<ImportRow | null>(null);

  useEffect(() => {
    api
      .get<ImportKind[]>('/api/imports/kinds')
      .then((ks) => {
        setKinds(ks);
        const first = ks[0];
        if (first) {
          setChosen(`${first.line}/${first.kind}`);
          setOrgId(first.offices[0]?.id ?? null);
        }
      })
      .catch((err: unknown) => void message.error(errorMessage(err)));
  }, [message]);

  if (!kinds) return <Spin style={{ margin: 48 }} />;
  if (!kinds.length) return <Result status="info" title={t('importPage.noKinds')} />;
  const kind = kinds.find((k) => `${k.line}/${k.kind}` === chosen) ?? kinds[0]!;

  const reload = async (id: number) => setBatch(await api.get<ImportBatch>(`/api/imports/${id}`));

  const upload = async (file: File) => {
    if (!orgId) return;
    const form = new FormData();
    form.append('file', file);
    setBusy('upload');
    try {
      setBatch(
        await api.upload<ImportBatch>(
          `/api/imports?line=${kind.line}&kind=${kind.kind}&orgId=${orgId}`,
          form,
        ),
      );
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    if (!batch) return;
    setBusy('run');
    try {
      // Each call imports the next rows for about three seconds; the counts it returns move the bar.
      let next = batch;
      do {
        next = await api.post<ImportBatch>(`/api/imports/${batch.id}/run`);
        setBatch(next);
      } while (!next.finished);
    } catch (err) {
      void message.error(errorMessage(err));
      await reload(batch.id).catch(() => {});
    } finally {
      setBusy(null);
    }
  };

  const skip = async (row: ImportRow, skipIt: boolean) => {
    if (!batch) return;
    try {
      await api.post(`/api/imports/${batch.id}/rows/${row.rowNo}/skip`, { skip: skipIt });
      await reload(batch.id);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const c = batch?.counts;
  return (
    <>
      <Card title={t('importPage.title')} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('importPage.intro')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('importPage.ledger')}</span>
          <Select
            style={{ minWidth: 240 }}
            value={`${kind.line}/${kind.kind}`}
            disabled={Boolean(batch)}
            onChange={(v) => {
              setChosen(v);
              setOrgId(kinds.find((k) => `${k.line}/${k.kind}` === v)?.offices[0]?.id ?? null);
            }}
            options={kinds.map((k) => ({
              value: `${k.line}/${k.kind}`,
              label: `${k.label}（${k.lineLabel}）`,
            }))}
            data-testid="import-kind"
          />
          <span>{t('importPage.office')}</span>
          <Select
            style={{ minWidth: 200 }}
            value={orgId ?? undefined}
            disabled={Boolean(batch)}
            onChange={setOrgId}
            options={kind.offices.map((o) => ({ value: o.id, label: o.name }))}
            data-testid="import-office"
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void api
                .download(
                  `/api/imports/templates/${kind.line}/${kind.kind}`,
                  undefined,
                  `${kind.label}模板.xlsx`,
                )
                .catch((err: unknown) => void message.error(errorMessage(err)))
            }
          >
            {t('importPage.template')}
          </Button>
          {!batch && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button
                type="primary"
                icon={<UploadOutlined />}
                loading={busy === 'upload'}
                data-testid="import-upload"
              >
                {busy === 'upload' ? t('importPage.uploading') : t('importPage.upload')}
              </Button>
            </Upload>
          )}
        </Space>
      </Card>

      {batch && c && (
        <Card
          size="small"
          title={
            <Space wrap>
              <span>
                {t('importPage.file')}：{batch.fileName}
              </span>
              <Typography.Text type="secondary">
                {t('importPage.total', { n: batch.totalRows })}
              </Typography.Text>
            </Space>
          }
          extra={
            <Button onClick={() => setBatch(null)} disabled={busy === 'run'}>
              {t('importPage.again')}
            </Button>
          }
        >
          <Space wrap style={{ marginBottom: 12 }} data-testid="import-counts">
            {(['ok', 'bad', 'skipped', 'imported', 'failed', 'already'] as const).map((k) => (
              <Tag key={k} color={statusColour[k]}>
                {t(`importPage.${k}`)} {c[k]}
              </Tag>
            ))}
          </Space>
          {(busy === 'run' || c.imported + c.failed > 0) && (
            <Progress percent={percentDone(c)} status={busy === 'run' ? 'active' : undefined} />
          )}
          {batch.finished ? (
            <Alert
              type="success"
              showIcon
              style={{ margin: '12px 0' }}
              title={t('importPage.finished', c)}
              action={
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    void api
                      .download(`/api/imports/${batch.id}/report`, undefined, '导入结果.xlsx')
                      .catch((err: unknown) => void message.error(errorMessage(err)))
                  }
                >
                  {t('importPage.report')}
                </Button>
              }
            />
          ) : c.bad > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ margin: '12px 0' }}
              title={t('importPage.fixFirst', { n: c.bad })}
            />
          ) : (
            <Space style={{ margin: '12px 0' }}>
              <Button
                type="primary"
                loading={busy === 'run'}
                onClick={() => void run()}
                data-testid="import-run"
              >
                {busy === 'run' ? t('importPage.running') : t('importPage.start', { n: c.ok })}
              </Button>
              {c.ok > 0 && c.bad === 0 && c.failed === 0 && (
                <Typography.Text>{t('importPage.allGood')}</Typography.Text>
              )}
            </Space>
          )}
          {batch.rows.length > 0 && (
            <Table<ImportRow>
              size="small"
              rowKey="rowNo"
              dataSource={batch.rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="import-rows"
              columns={[
                { title: t('importPage.rowNo'), dataIndex: 'rowNo', width: 72 },
                {
                  title: t('importPage.problems'),
                  render: (_, r) => (
                    <Space orientation="vertical" size={0}>
                      {r.errors.map((e) => (
                        <Typography.Text key={e.text} type={r.status === 'skipped' ? 'secondary' : 'danger'}>
                          {e.text}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: t('importPage.status'),
                  dataIndex: 'status',
                  width: 110,
                  responsive: ['md'],
                  render: (s: ImportRow['status']) => (
                    <Tag color={statusColour[s]}>{t(`importPage.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('importPage.actions'),
                  width: 150,
                  render: (_, r) =>
                    batch.finished && r.status !== 'failed' ? null : (
                      <Space>
                        <Button
                          size="small"
                          onClick={() => setEditing(r)}
                          disabled={busy !== null}
                          data-testid={`import-edit-${r.rowNo}`}
                        >
                          {t('importPage.edit')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => void skip(r, r.status !== 'skipped')}
                          disabled={busy !== null}
                        >
                          {r.status === 'skipped' ? t('importPage.unskip') : t('importPage.skip')}
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
          )}
          {batch.rows.length >= 500 && (
            <Typography.Text type="secondary">{t('importPage.moreRows', { n: 500 })}</Typography.Text>
          )}
        </Card>
      )}
      {editing && batch && (
        <EditRowModal
          batchId={batch.id}
          kind={kinds.find((k) => k.line === batch.line && k.kind === batch.kind) ?? kind}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload(batch.id);
          }}
        />
      )}
    </>
  );
}
