// Create or edit an organisation. Edits send only changed fields plus the version they were based on.
import { Alert, App, Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.ts';
import { type Org, orgKinds, type Region } from '../types.ts';
import { clearServerErrors, reportFormError } from './formErrors.ts';
import { useLabels } from './labels.ts';
import { useOrgs } from './OrgsContext.tsx';
import { buildOrgTree } from './orgTree.tsx';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: string;
  parentId: number;
  regionCode: string;
  active: boolean;
  address?: string;
  legalRepresentative?: string;
}

interface Props {
  open: boolean;
  editing: Org | null;
  defaultParent?: Org | null;
  onClose(): void;
  onSaved(org: Org): void;
}

interface RegionNode {
  value: string;
  title: string;
  children: RegionNode[];
}

function regionTree(regions: Region[]): RegionNode[] {
  const nodes = new Map(
    regions.map((r) => [r.code, { value: r.code, title: r.name, children: [] as RegionNode[] }]),
  );
  const roots: RegionNode[] = [];
  for (const r of regions) {
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    (parent ? parent.children : roots).push(nodes.get(r.code)!);
  }
  return roots;
}

const fields = ['code', 'name', 'shortName', 'kind', 'parentId', 'regionCode', 'active'];

export function OrgFormModal({ open, editing, defaultParent, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLabels();
  const { orgs, reload } = useOrgs();
  const [form] = Form.useForm<Values>();
  const [regions, setRegions] = useState<Region[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open || regions.length) return;
    api
      .get<Region[]>('/api/regions')
      .then(setRegions, (err: unknown) => setProblem(err instanceof ApiError ? err.detail : String(err)));
  }, [open, regions.length]);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        ...editing,
        shortName: editing.shortName ?? '',
        address: editing.address ?? '',
        legalRepresentative: editing.legalRepresentative ?? '',
        parentId: editing.parentId ?? undefined,
      });
    } else if (defaultParent) {
      form.setFieldsValue({ parentId: defaultParent.id, regionCode: defaultParent.regionCode });
    }
  }, [open, editing, defaultParent, form]);

  // An org cannot sit under itself or its own descendants, so those are left out of the parent choice.
  const parentTree = useMemo(() => {
    const tree = buildOrgTree(orgs, labels.kind);
    const strip = (nodes: typeof tree): typeof tree =>
      nodes
        .filter((n) => n.key !== editing?.id)
        .map((n) => ({ ...n, title: n.org.name, value: n.key, children: strip(n.children) }));
    return strip(tree);
  }, [orgs, labels.kind, editing]);
  const regionData = useMemo(() => regionTree(regions), [regions]);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    const shortName = v.shortName?.trim() ? v.shortName.trim() : null;
    try {
      let saved: Org;
      if (editing) {
        const patch: Record<string, unknown> = {};
        if (v.name !== editing.name) patch.name = v.name;
        if (shortName !== editing.shortName) patch.shortName = shortName;
        if (v.parentId !== editing.parentId && v.parentId != null) patch.parentId = v.parentId;
        if (v.regionCode !== editing.regionCode) patch.regionCode = v.regionCode;
        if (v.active !== editing.active) patch.active = v.active;
        // 住所 and 法定代表人: what a decision states of an organ that is a party (editable once it exists).
        for (const k of ['address', 'legalRepresentative'] as const) {
          const text = v[k]?.trim() || null;
          if (text !== editing[k]) patch[k] = text;
        }
        if (Object.keys(patch).length === 0) {
          void message.info(t('orgs.noChange'));
          onClose();
          return;
        }
        saved = await api.patch<Org>(`/api/orgs/${editing.id}`, { ...patch, version: editing.version });
        void message.success(t('orgs.updated'));
      } else {
        saved = await api.post<Org>('/api/orgs', { ...v, shortName, active: undefined });
        void message.success(t('orgs.created'));
      }
      await reload();
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        void message.error(t('orgs.conflict'));
        await reload();
        onClose();
        return;
      }
      setProblem(reportFormError(form, err, fields));
    } finally {
      setBusy(false);
    }
  };

  const req = (field: string) => [{ required: true, message: t('orgs.required', { field }) }];
  return (
    <Modal
      open={open}
      title={editing ? t('orgs.editTitle') : t('orgs.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'org-form-submit' }}
      mask={{ closable: false }}
      destroyOnHidden
      width={600}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        onValuesChange={(changed) => clearServerErrors(form, changed)}
        layout="horizontal"
        labelCol={{ span: 5 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="code"
          label={t('orgs.field.code')}
          rules={req(t('orgs.field.code'))}
          extra={editing ? undefined : t('orgs.codeHelp')}
        >
          <Input disabled={!!editing} maxLength={63} data-testid="org-form-code" />
        </Form.Item>
        <Form.Item name="name" label={t('orgs.field.name')} rules={req(t('orgs.field.name'))}>
          <Input maxLength={100} data-testid="org-form-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('orgs.field.shortName')}>
          <Input maxLength={30} data-testid="org-form-shortName" />
        </Form.Item>
        {editing && (
          <>
            <Form.Item name="address" label={t('orgs.field.address')}>
              <Input maxLength={200} data-testid="org-form-address" />
            </Form.Item>
            <Form.Item name="legalRepresentative" label={t('orgs.field.legalRepresentative')}>
              <Input maxLength={100} data-testid="org-form-legalRepresentative" />
            </Form.Item>
          </>
        )}
        <Form.Item name="kind" label={t('orgs.field.kind')} rules={req(t('orgs.field.kind'))}>
          <Select
            disabled={!!editing}
            data-testid="org-form-kind"
            // "district" is the root and cannot be created through the API.
            options={orgKinds
              .filter((k) => k !== 'district' || editing?.kind === 'district')
              .map((k) => ({ value: k, label: labels.kind(k) }))}
          />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('orgs.field.parent')}
          rules={editing?.parentId == null && editing ? [] : req(t('orgs.field.parent'))}
        >
          <TreeSelect
            disabled={!!editing && editing.parentId == null}
            treeData={parentTree}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            data-testid="org-form-parent"
            onChange={(id: number) => {
              const parent = orgs.find((o) => o.id === id);
              if (parent && !form.getFieldValue('regionCode'))
                form.setFieldValue('regionCode', parent.regionCode);
            }}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('orgs.field.region')} rules={req(t('orgs.field.region'))}>
          <TreeSelect
            treeData={regionData}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={regionData.map((r) => r.value)}
            data-testid="org-form-region"
          />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('orgs.field.status')} valuePropName="checked">
            <Switch checkedChildren={t('orgs.active')} unCheckedChildren={t('orgs.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
