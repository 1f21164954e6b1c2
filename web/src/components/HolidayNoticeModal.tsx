// Loading a State Council holiday notice for a year: paste its JSON or pick a .json file; the server checks
// it (real dates, ranges inside the year, adjusted working days on weekends) and keeps it pending until another
// district administrator confirms it; running deadlines are recomputed then.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../api.ts';
import type { PendingChange } from '../kernel/types.ts';

interface Props {
  open: boolean;
  defaultYear: number;
  onClose(): void;
  onLoaded(): void;
}

const EXAMPLE = `{
  "notice": "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）",
  "source": "https://www.gov.cn/…",
  "holidays": [{ "start": "2026-01-01", "end": "2026-01-03", "name": "元旦" }],
  "workdays": ["2026-01-04"]
}`;

export function HolidayNoticeModal({ open, defaultYear, onClose, onLoaded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(defaultYear);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setYear(defaultYear);
    setText('');
    setProblems([]);
  }, [open, defaultYear]);

  const submit = async () => {
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      setProblems([t('calendar.badJson')]);
      return;
    }
    // The year comes from the form (it is part of the address); a "year" inside the file must agree.
    if (body.year !== undefined && body.year !== year) {
      setProblems([t('calendar.yearMismatch', { file: String(body.year), year })]);
      return;
    }
    const { year: _y, provisional: _p, notes: _n, ...rest } = body;
    setBusy(true);
    setProblems([]);
    try {
      // Proposed only: another district administrator confirms it on the calendar page.
      const res = await api.put<PendingChange>(`/api/calendar/years/${year}`, rest);
      void message.success(t('calendar.proposed', { year: res.subject }));
      onLoaded();
      onClose();
    } catch (err) {
      const list = err instanceof ApiError && err.errors.length ? err.errors.map((e) => e.message) : [];
      setProblems(list.length ? list : [errorMessage(err)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('calendar.loadNotice')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={720}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={busy}
          disabled={!text.trim()}
          onClick={() => void submit()}
          data-testid="notice-submit"
        >
          {t('calendar.loadSubmit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('calendar.loadHelp')}</Typography.Paragraph>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('calendar.invalid')}
          description={
            <ul className="plain-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="notice-errors"
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t('calendar.year')}>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => setYear(v ?? defaultYear)}
            data-testid="notice-year"
          />
        </Form.Item>
        <Form.Item label={t('calendar.noticeJson')}>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then(setText);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} style={{ marginBottom: 8 }} data-testid="notice-file">
              {t('calendar.chooseFile')}
            </Button>
          </Upload>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 8, maxRows: 20 }}
            placeholder={EXAMPLE}
            className="mono"
            data-testid="notice-json"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
