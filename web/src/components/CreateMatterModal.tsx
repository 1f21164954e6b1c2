// 新建: the create form of one line kind, rendered from its JSON Schema; one Idempotency-Key per opened form
// so a double click or a retry after a lost answer registers the matter once.
import { Alert, App, Button, Form, Modal } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, newIdempotencyKey } from '../api.ts';
import { initialValues, leafPaths, toPayload } from '../kernel/schema.ts';
import type { CreateResult, KindDef } from '../kernel/types.ts';
import { reportFormError } from './formErrors.ts';
import { SchemaFields } from './schema-form/SchemaFields.tsx';

interface Props {
  line: string;
  kind: KindDef | null;
  onClose(): void;
}

export function CreateMatterModal({ line, kind, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = useMemo(() => (kind ? newIdempotencyKey() : ''), [kind]);
  const schema = kind?.create.schema;

  // The modal mounts a fresh form on each opening (destroyOnHidden), so initial values are given, not set.
  const initial = useMemo(() => (schema ? initialValues(schema) : {}), [schema]);
  useEffect(() => {
    if (kind) setProblem(null);
  }, [kind]);

  const submit = async (values: Record<string, unknown>) => {
    if (!kind || !schema) return;
    setBusy(true);
    setProblem(null);
    try {
      const res = await api.post<CreateResult>(`/api/lines/${line}/${kind.id}`, toPayload(schema, values), {
        headers: { 'Idempotency-Key': key },
      });
      void message.success(t('matters.created', { refNo: res.refNo }));
      onClose();
      void navigate(`/matters/${res.id}`, { state: { warnings: res.warnings ?? [] } });
    } catch (err) {
      setProblem(reportFormError(form, err, Object.keys(schema.properties ?? {})));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!kind}
      title={kind?.create.label}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      // Intake forms run long (parties, the act, the request): a wide dialog whose form scrolls under a
      // fixed title and buttons, so 提交 and the error summary never scroll away.
      width={1000}
      style={{ top: 24 }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={busy}
          onClick={() => form.submit()}
          data-testid="create-submit"
        >
          {t('common.submit')}
        </Button>,
      ]}
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 12 }}
          data-testid="create-error"
        />
      )}
      {schema && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={initial}
          scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
          className="modal-form-scroll"
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) =>
            form.setFields(leafPaths(changed).map((name) => ({ name, errors: [] })))
          }
          data-testid="create-form"
        >
          <SchemaFields schema={schema} rel={[]} abs={[]} id={[]} />
        </Form>
      )}
    </Modal>
  );
}
