// 更正: withdraws the matter's latest step (state, deadlines, documents, indicators), with a required reason and,
// where the line requires it, the approving leader. Sends the matter's version and an Idempotency-Key per opening.
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, newIdempotencyKey } from '../api.ts';
import type { CorrectionOffer, MatterDetail } from '../kernel/types.ts';
import { reportFormError } from './formErrors.ts';

interface Props {
  detail: MatterDetail;
  /** The step to correct, or null when closed. */
  step: NonNullable<CorrectionOffer['step']> | null;
  onClose(): void;
  onReload(): void;
}

export function CorrectionModal({ detail, step, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = useMemo(() => (step ? newIdempotencyKey() : ''), [step]);
  const { matter, today } = detail;

  const submit = async (values: { date: string; reason: string; approverId?: number }) => {
    if (!step) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.post(
        `/api/matters/${matter.id}/correct`,
        { version: matter.version, eventId: step.eventId, ...values },
        { headers: { 'Idempotency-Key': key } },
      );
      void message.success(t('correction.done', { step: step.label }));
      onClose();
      onReload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        void message.error(err.detail, 6);
        onClose();
        onReload();
        return;
      }
      setProblem(reportFormError(form, err, ['date', 'reason', 'approverId']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!step}
      title={t('correction.title', { step: step?.label ?? '', refNo: matter.refNo })}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          loading={busy}
          onClick={() => form.submit()}
          data-testid="correction-submit"
        >
          {t('correction.submit')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={t('correction.intro')} style={{ marginBottom: 12 }} />
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 12 }}
          data-testid="correction-error"
        />
      )}
      {step && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ date: today }}
          onFinish={(v) => void submit(v)}
          data-testid="correction-form"
        >
          <Form.Item
            name="date"
            label={t('correction.date')}
            rules={[{ required: true, message: t('form.required', { field: t('correction.date') }) }]}
            getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined })}
            normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
          >
            <DatePicker
              style={{ width: 200 }}
              data-testid="correction-date"
              disabledDate={(d) => {
                const day = d.format('YYYY-MM-DD');
                return day > today || day < step.occurredOn;
              }}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('correction.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('form.required', { field: t('correction.reason') }),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t('correction.reasonPlaceholder')}
              data-testid="correction-reason"
            />
          </Form.Item>
          {step.approvalRequired && (
            <Form.Item
              name="approverId"
              label={t('correction.approver')}
              extra={step.approvers.length ? t('correction.approverHelp') : t('correction.noApprovers')}
              rules={[{ required: true, message: t('form.required', { field: t('correction.approver') }) }]}
            >
              <Select
                style={{ width: 240 }}
                options={step.approvers.map((a) => ({ value: a.id, label: a.name }))}
                data-testid="correction-approver"
              />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
