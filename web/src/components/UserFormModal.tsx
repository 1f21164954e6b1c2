// Create or edit a user: name, phone and a list of (organisation, role) memberships.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.ts';
import { type Role, roles, type User, type UserCreated } from '../types.ts';
import { clearServerErrors, reportFormError } from './formErrors.ts';
import { useLabels } from './labels.ts';
import { useOrgs } from './OrgsContext.tsx';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  memberships: { orgId?: number; role?: Role }[];
}

interface Props {
  open: boolean;
  editing: User | null;
  onClose(): void;
  /** `initialPassword` is present only when the server generated one for a new user. */
  onSaved(user: User, initialPassword?: string): void;
  /** A VERSION_CONFLICT: the list should be reloaded. */
  onConflict(): void;
}

const fields = ['username', 'displayName', 'phone', 'memberships'];

export function UserFormModal({ open, editing, onClose, onSaved, onConflict }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const { orgs } = useOrgs();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            ...editing,
            phone: undefined,
            memberships: editing.memberships.map((m) => ({ orgId: m.orgId, role: m.role })),
          }
        : { memberships: [{}] },
    );
  }, [open, editing, form]);

  const orgOptions = useMemo(
    () => orgs.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name })),
    [orgs],
  );
  const roleOptions = useMemo(() => roles.map((r) => ({ value: r, label: labels.role(r) })), [labels]);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    const memberships = v.memberships.map((m) => ({ orgId: m.orgId, role: m.role }));
    const phone = v.phone?.trim() ? v.phone.trim() : undefined;
    try {
      if (editing) {
        // The list shows only a masked phone, so an empty phone field means "leave unchanged".
        const body = {
          displayName: v.displayName.trim(),
          memberships,
          version: editing.version,
          ...(phone ? { phone } : {}),
        };
        const user = await api.patch<User>(`/api/users/${editing.id}`, body);
        void message.success(t('users.updated'));
        onSaved(user);
      } else {
        const res = await api.post<UserCreated>('/api/users', {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          phone: phone ?? null,
          memberships,
        });
        void message.success(t('users.created'));
        onSaved(res.user, res.initialPassword);
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        void message.error(t('users.conflict'));
        onConflict();
        return;
      }
      setProblem(reportFormError(form, err, fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle') : t('users.create')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={680}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={busy}
          onClick={() => form.submit()}
          data-testid="user-form-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="user-form-error"
        />
      )}
      <Form<Values>
        form={form}
        onValuesChange={(changed) => clearServerErrors(form, changed)}
        layout="horizontal"
        labelCol={{ span: 5 }}
        onFinish={(v) => void submit(v)}
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('users.field.username')}
          extra={editing ? undefined : t('users.usernameHelp')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('orgs.required', { field: t('users.field.username') }),
            },
          ]}
        >
          <Input disabled={!!editing} maxLength={32} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.field.displayName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('orgs.required', { field: t('users.field.displayName') }),
            },
          ]}
        >
          <Input maxLength={50} autoComplete="off" data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.field.phone')}
          extra={
            editing
              ? t('users.phoneKeep', { phone: editing.phone ?? t('common.none') })
              : t('users.phoneHelp')
          }
        >
          <Input maxLength={20} autoComplete="off" data-testid="user-form-phone" />
        </Form.Item>
        <Form.Item label={t('users.field.memberships')} required>
          <Form.List name="memberships">
            {(items, { add, remove }, { errors }) => (
              <>
                {items.map((item, i) => (
                  <Space key={item.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[item.name, 'orgId']}
                      rules={[{ required: true, message: t('users.orgRequired') }]}
                    >
                      <Select
                        style={{ width: 280 }}
                        placeholder={t('users.field.org')}
                        options={orgOptions}
                        showSearch={{ optionFilterProp: 'label' }}
                        data-testid={`user-form-org-${i}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'role']}
                      rules={[{ required: true, message: t('users.roleRequired') }]}
                    >
                      <Select
                        style={{ width: 170 }}
                        placeholder={t('users.field.role')}
                        options={roleOptions}
                        showSearch={{ optionFilterProp: 'label' }}
                        data-testid={`user-form-role-${i}`}
                      />
                    </Form.Item>
                    {items.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(item.name)}
                        title={t('common.remove')}
                      />
                    )}
                  </Space>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  disabled={items.length >= 20}
                  data-testid="user-form-add-membership"
                >
                  {t('users.addMembership')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
