// One workflow action on a matter: its form (from the action's JSON Schema) plus the business date. Sends the
// matter's version so a stale page cannot overwrite someone else's step, and an Idempotency-Key per attempt.
// What the user types is kept as a draft (kernel/drafts.ts) until the action succeeds. When another user
// acted first (409), the dialog stays open with the text, lists what changed, and the next press of the
// button submits against the matter's new version.
import { Alert, App, Button, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, newIdempotencyKey } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { clearDraft, type Draft, draftKey, readDraft, withDraft, writeDraft } from '../kernel/drafts.ts';
import { initialValues, leafPaths, toPayload } from '../kernel/schema.ts';
import type { ActionDef, MatterDetail } from '../kernel/types.ts';
import { DraftNotice } from './DraftNotice.tsx';
import { reportFormError } from './formErrors.ts';
import { FormMatterContext } from './schema-form/LookupSelect.tsx';
import { SchemaFields } from './schema-form/SchemaFields.tsx';

interface Props {
  detail: MatterDetail;
  /** The action's name and definition, or null when closed. */
  action: { name: string; def: ActionDef } | null;
  onClose(): void;
  /** Done, or refused because the matter moved on: either way the page reloads the matter. */
  onReload(): void;
}

function ActionModalDialog({ detail, action, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A new key after a conflict: the retry is a different request (another version), not a repeat.
  const [key, setKey] = useState('');
  /** Set after a 409, or when a restored draft was typed against an older version of the matter. */
  const [conflict, setConflict] = useState(false);
  // The version the user was looking at when they began typing. A matter's version counts its events
  // (the create event is version 1, each step adds one), so events with a higher seq came afterwards.
  const [base, setBase] = useState(0);
  const { me } = useAuth();
  const schema = action?.def.schema;
  const { matter, today } = detail;
  // The server refuses a date before the previous step; the picker offers none, so the rule is visible.
  // Corrections and the steps they voided do not count: the corrected step may be taken again on its own date.
  const previous =
    detail.events.filter((e) => !e.voidedBy && e.action !== 'kernel.correct').at(-1)?.occurredOn ??
    matter.openedOn;
  const storeKey = action && me ? draftKey(me.id, `matter:${matter.id}:${action.name}`) : null;
  // Read once per opening (and again after "discard"): the form owns the values from then on.
  // Read as the dialog opens, before the form mounts (a form store takes its initial values once), and
  // again after "discard".
  const [discards, setDiscards] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opening and per discard
  const draft = useMemo<Draft | null>(() => (storeKey ? readDraft(storeKey) : null), [action, discards]);
  useEffect(() => {
    if (discards > 0) form.resetFields();
  }, [discards, form]);

  // The modal mounts a fresh form on each opening (destroyOnHidden), so initial values are given, not set.
  const initial = useMemo(() => {
    const base = schema ? { date: today, data: initialValues(schema) } : {};
    return draft ? withDraft(base, draft.values) : base;
  }, [schema, today, draft]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opening, not on each reload of the matter
  useEffect(() => {
    if (!action) return;
    const kept = draft;
    setProblem(null);
    setKey(newIdempotencyKey());
    setBase(kept?.version ?? matter.version);
    // Someone acted while the draft waited (e.g. during a new sign-in): show what changed up front.
    setConflict(!!kept?.version && kept.version < matter.version);
  }, [action]);

  const save = () => {
    if (storeKey) writeDraft(storeKey, form.getFieldsValue(true), matter.version);
  };

  const submit = async (values: { date: string; data?: Record<string, unknown> }) => {
    if (!action || !schema) return;
    setBusy(true);
    setProblem(null);
    save();
    try {
      await api.post(
        `/api/lines/${matter.line}/${matter.kind}/${matter.id}/${action.name}`,
        { version: matter.version, date: values.date, data: toPayload(schema, values.data) },
        { headers: { 'Idempotency-Key': key } },
      );
      if (storeKey) clearDraft(storeKey);
      void message.success(t('matter.actionDone', { action: action.def.label }));
      onClose();
      onReload();
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'VERSION_CONFLICT' || err.code === 'ACTION_NOT_ALLOWED')) {
        // Someone else moved the matter on: keep the dialog and the text, reload the matter to show what
        // changed; the button then submits against the new version.
        setConflict(true);
        // A version conflict is explained by the list of changes below; a refused action names the allowed ones.
        setProblem(err.code === 'ACTION_NOT_ALLOWED' ? err.detail : null);
        setKey(newIdempotencyKey());
        onReload();
        return;
      }
      setProblem(reportFormError(form, err, ['date', 'data']));
    } finally {
      setBusy(false);
    }
  };

  const hasFields = Object.keys(schema?.properties ?? {}).length > 0;
  const stillAllowed = !action || detail.allowedActions.some((a) => a.action === action.name);
  const newer = conflict ? detail.events.filter((e) => e.seq > base) : [];
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
          disabled={!stillAllowed}
          onClick={() => form.submit()}
          data-testid="action-submit"
        >
          {action?.def.label}
        </Button>,
      ]}
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('draft.conflictTitle')}
          description={
            <>
              {problem && <div>{problem}</div>}
              {newer.length > 0 && (
                <>
                  <div>{t('draft.conflictChanges')}</div>
                  <ul className="plain-list" data-testid="conflict-changes">
                    {newer.map((e) => (
                      <li key={e.id}>
                        {e.occurredOn} {e.label}
                        {e.actorName ? `（${e.actorName}）` : ''} → {e.toStateLabel}
                        {e.summary ? `：${e.summary}` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <div>
                {t('draft.conflictCurrent', { state: matter.stateLabel, version: matter.version })}
                {stillAllowed
                  ? t('draft.reapply', { action: action?.def.label ?? '' })
                  : t('draft.notAllowedNow', { action: action?.def.label ?? '' })}
              </div>
            </>
          }
          data-testid="action-conflict"
        />
      ) : (
        problem && (
          <Alert
            type="error"
            showIcon
            title={problem}
            style={{ marginBottom: 12 }}
            data-testid="action-error"
          />
        )
      )}
      {draft && !conflict && (
        <DraftNotice
          savedAt={draft.savedAt}
          onDiscard={() => {
            if (storeKey) clearDraft(storeKey);
            setDiscards((n) => n + 1);
          }}
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
          onValuesChange={(changed) => {
            form.setFields(leafPaths(changed).map((name) => ({ name, errors: [] })));
            save();
          }}
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
            <FormMatterContext.Provider value={matter.id}>
              <SchemaFields schema={schema} rel={['data']} abs={['data']} id={[]} />
            </FormMatterContext.Provider>
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

/**
 * Each opening gets a fresh form store: an antd form instance reused across openings merges the last
 * opening's leftovers over the new initial values, which would hide a restored draft.
 */
export function ActionModal(props: Props) {
  const openings = useRef(0);
  const last = useRef<Props['action']>(null);
  if (props.action && props.action !== last.current) openings.current++;
  last.current = props.action;
  return <ActionModalDialog key={openings.current} {...props} />;
}
