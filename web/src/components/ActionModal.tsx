// One workflow action on a matter: its form (from the action's JSON Schema) plus the business date. Sends the
// matter's version so a stale page cannot overwrite someone else's step, and an Idempotency-Key per opening.
import { Alert, App, Button, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, newIdempotencyKey } from '../api.ts';
import { initialValues, leafPaths, toPayload } from '../kernel/schema.ts';
import type { ActionDef, MatterDetail } from '../kernel/types.ts';
import { reportFormError } from './formErrors.ts';
import { SchemaFields } from './schema-form/SchemaFields.tsx';

interface Props {
  detail: MatterDetail;
  /** The action's name and definition, or null when closed. */
  action: { name: string; def: ActionDef } | null;
  onClose(): void;
  /** Done, or refused because the matter moved on: either way the page reloads the matter. */
  onReload(): void;
}

export function ActionModal({ detail, action, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = useMemo(() => (action ? newIdempotencyKey() : ''), [action]);
  const schema = action?.def.schema;
  const { matter, today } = detail;
  // The server refuses a date before the previous step; the picker offers none, so the rule is visible.
  // Corrections and the steps they voided do not count: the corrected step may be taken again on its own date.
  const previous =
    detail.events.filter((e) => !e.voidedBy && e.action !== 'kernel.correct').at(-1)?.occurredOn ??
    matter.openedOn;

  // The modal mounts a fresh form on each opening (destroyOnHidden), so initial values are given, not set.
  const initial = useMemo(
    () => (schema ? { date: today, data: initialValues(schema) } : {}),
    [schema, today],
  );
  useEffect(() => {
    if (action) setProblem(null);
  }, [action]);

  const submit = async (values: { date: string; data?: Record<string, unknown> }) => {
    if (!action || !schema) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.post(
        `/api/lines/${matter.line}/${matter.kind}/${matter.id}/${action.name}`,
        { version: matter.version, date: values.date, data: toPayload(schema, values.data) },
        { headers: { 'Idempotency-Key': key } },
      );
      void message.success(t('matter.actionDone', { action: action.def.label }));
      onClose();
      onReload();
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'VERSION_CONFLICT' || err.code === 'ACTION_NOT_ALLOWED')) {
        // Someone else moved the matter on: say so in the server's words, then show the current state.
        void message.error(err.detail, 6);
        onClose();
        onReload();
        return;
      }
      setProblem(reportFormError(form, err, ['date', 'data']));
    } finally {
      setBusy(false);
    }
  };

  const hasFields = Object.keys(schema?.properties ?? {}).length > 0;
  return (
    <Modal
      open={!!action}
      title={t('matter.actionTitle', { action: action?.def.label ?? '', refNo: matter.refNo })}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={hasFields ? 760 : 480}
      style={{ top: 48 }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={action?.def.closes}
          loading={busy}
          onClick={() => form.submit()}
          data-testid="action-submit"
        >
          {action?.def.label}
        </Button>,
      ]}
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 12 }}
          data-testid="action-error"
        />
      )}
      {action?.def.closes && (
        <Alert type="warning" showIcon title={t('matter.closesWarning')} style={{ marginBottom: 12 }} />
      )}
      {schema && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={initial}
          scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
          className="modal-form-scroll"
          // A form whose only line input is the date would be sent by the Enter that confirms a typed date
          // (the browser's implicit submission): a legal step is recorded only by its button.
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
          }}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) =>
            form.setFields(leafPaths(changed).map((name) => ({ name, errors: [] })))
          }
          data-testid="action-form"
        >
          <Form.Item
            name="date"
            label={t('matter.businessDate')}
            extra={t('matter.businessDateHelp')}
            rules={[{ required: true, message: t('form.required', { field: t('matter.businessDate') }) }]}
            getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined })}
            normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
          >
            <DatePicker
              style={{ width: 200 }}
              disabledDate={(d) => {
                const day = d.format('YYYY-MM-DD');
                return day > today || day < previous;
              }}
              data-testid="action-date"
            />
          </Form.Item>
          {hasFields ? (
            <SchemaFields schema={schema} rel={['data']} abs={['data']} id={[]} />
          ) : (
            <Typography.Paragraph type="secondary">
              {t('matter.actionConfirm', { action: action?.def.label ?? '' })}
            </Typography.Paragraph>
          )}
        </Form>
      )}
    </Modal>
  );
}
