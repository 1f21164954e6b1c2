// 新建: the create form of one line kind, rendered from its JSON Schema; one Idempotency-Key per opened form
// so a double click or a retry after a lost answer registers the matter once. What the user types is kept as
// a draft per user and kind (kernel/drafts.ts) until the matter is registered.
import { Alert, App, Button, Form, Modal } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, newIdempotencyKey } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { clearDraft, type Draft, draftKey, readDraft, withDraft, writeDraft } from '../kernel/drafts.ts';
import { initialValues, leafPaths, toPayload } from '../kernel/schema.ts';
import type { CreateResult, KindDef } from '../kernel/types.ts';
import { DraftNotice } from './DraftNotice.tsx';
import { reportFormError } from './formErrors.ts';
import { SchemaFields } from './schema-form/SchemaFields.tsx';

interface Props {
  line: string;
  kind: KindDef | null;
  /** Values the form opens with, over a saved draft (a visit turned into an application). */
  prefill?: Record<string, unknown> | undefined;
  onClose(): void;
}

function CreateMatterModalDialog({ line, kind, prefill, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = useMemo(() => (kind ? newIdempotencyKey() : ''), [kind]);
  const schema = kind?.create.schema;
  const { me } = useAuth();
  const storeKey = kind && me ? draftKey(me.id, `create:${line}/${kind.id}`) : null;
  // Read as the dialog opens, before the form mounts (a form store takes its initial values once), and
  // again after "discard".
  const [discards, setDiscards] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opening and per discard
  const draft = useMemo<Draft | null>(() => (storeKey ? readDraft(storeKey) : null), [kind, discards]);
  useEffect(() => {
    if (discards > 0) form.resetFields();
  }, [discards, form]);

  // The modal mounts a fresh form on each opening (destroyOnHidden), so initial values are given, not set.
  const initial = useMemo(() => {
    const base = schema ? initialValues(schema) : {};
    const drafted = draft ? withDraft(base, draft.values) : base;
    return prefill ? withDraft(drafted, prefill) : drafted;
  }, [schema, draft, prefill]);
  useEffect(() => {
    if (kind) setProblem(null);
  }, [kind]);

  const save = () => {
    if (storeKey) writeDraft(storeKey, form.getFieldsValue(true));
  };

  const submit = async (values: Record<string, unknown>) => {
    if (!kind || !schema) return;
    setBusy(true);
    setProblem(null);
    save();
    try {
      const res = await api.post<CreateResult>(`/api/lines/${line}/${kind.id}`, toPayload(schema, values), {
        headers: { 'Idempotency-Key': key },
      });
      if (storeKey) clearDraft(storeKey);
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
      {draft && (
        <DraftNotice
          savedAt={draft.savedAt}
          onDiscard={() => {
            if (storeKey) clearDraft(storeKey);
            setDiscards((n) => n + 1);
          }}
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
          onValuesChange={(changed) => {
            form.setFields(leafPaths(changed).map((name) => ({ name, errors: [] })));
            save();
          }}
          data-testid="create-form"
        >
          <SchemaFields schema={schema} rel={[]} abs={[]} id={[]} />
        </Form>
      )}
    </Modal>
  );
}

/**
 * Each opening gets a fresh form store: an antd form instance reused across openings merges the last
 * opening's leftovers over the new initial values, which would hide a restored draft.
 */
export function CreateMatterModal(props: Props) {
  const openings = useRef(0);
  const last = useRef<Props['kind']>(null);
  if (props.kind && props.kind !== last.current) openings.current++;
  last.current = props.kind;
  return <CreateMatterModalDialog key={openings.current} {...props} />;
}
