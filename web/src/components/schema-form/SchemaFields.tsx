// Renders the fields of a JSON Schema object as antd Form.Items: the one form renderer every line's create
// and action forms go through, so a line declares its fields once (in zod on the server) and never writes UI.
// Layout is derived from the schema: short fields pair up in two columns, free text and lists take a row,
// and fields sharing an `x-group` sit under one heading.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  enumLabel,
  enumStyle,
  fieldKind,
  isWide,
  type JsonSchema,
  newRow,
  normalize,
  type ShowWhen,
} from '../../kernel/schema.ts';
import { useOrgs } from '../OrgsContext.tsx';
import { ChoiceNote } from './ChoiceNote.tsx';
import { LookupSelect } from './LookupSelect.tsx';
import { PartyPick } from './PartyPick.tsx';

type Path = (string | number)[];

interface Place {
  /** Name relative to the enclosing Form.List (antd prefixes it), as Form.Item `name` wants it. */
  rel: Path;
  /** Absolute name in the form, for watching siblings. */
  abs: Path;
  /** Path from the schema's root, for data-testid (`field-applicants.0.name`). */
  id: Path;
  /**
   * Inside a row of a list. The forms drop unmounted values (`preserve={false}`), and antd clears an unmounted
   * row field to undefined rather than to its initial value — so a remount (React StrictMode) would wipe a
   * row's defaults (the party type). Row fields keep their values; hidden ones are left out by toPayload.
   */
  inList?: boolean;
}

const testId = (id: Path) => `field-${id.join('.')}`;

/** Dates live in the form as 'YYYY-MM-DD' strings (what the API takes); only the picker sees dayjs. */
const dateProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

export function SchemaFields({ schema, rel, abs, id, inList }: { schema: JsonSchema } & Place) {
  const required = new Set(schema.required ?? []);
  // Consecutive fields with the same `x-group` form one section; fields without one stay where they are.
  const sections: { key: string; group?: string; cols: ReactNode[] }[] = [];
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const s = normalize(raw);
    const place = { rel: [...rel, key], abs: [...abs, key], id: [...id, key], inList };
    let field = <SchemaField name={key} schema={s} required={required.has(key)} {...place} />;
    if (s['x-confirm']) field = <ConfirmOnly abs={place.abs}>{field}</ConfirmOnly>;
    const col = (
      <Col key={key} xs={24} md={isWide(s) ? 24 : 12}>
        {field}
      </Col>
    );
    const cond = s['x-showWhen'];
    const hider = s['x-hideWhenSet'];
    let shownCol = col;
    if (hider !== undefined)
      shownCol = (
        <HiddenWhenSet key={key} sibling={[...abs, hider]}>
          {shownCol}
        </HiddenWhenSet>
      );
    if (cond)
      shownCol = (
        <ShownWhen key={key} cond={cond} sibling={[...abs, cond.field]}>
          {shownCol}
        </ShownWhen>
      );
    const group = s['x-group'];
    const last = sections.at(-1);
    if (last && (last.group === group || group === undefined)) last.cols.push(shownCol);
    else sections.push({ key, group, cols: [shownCol] });
  }
  return sections.map((sec) =>
    sec.group ? (
      <section key={sec.key} className="schema-section" data-testid={`section-${[...id, sec.key].join('.')}`}>
        <div className="schema-section-title">{sec.group}</div>
        <Row gutter={16}>{sec.cols}</Row>
      </section>
    ) : (
      <Row key={sec.key} gutter={16}>
        {sec.cols}
      </Row>
    ),
  );
}

/** Mounts the field only while the sibling holds an allowed value; the form drops unmounted values. */
function ShownWhen({ cond, sibling, children }: { cond: ShowWhen; sibling: Path; children: ReactNode }) {
  const form = Form.useFormInstance();
  const v: unknown = Form.useWatch(sibling, form);
  const show = Array.isArray(v) ? v.some((x) => cond.in.includes(x)) : cond.in.includes(v);
  return show ? children : null;
}

/** Unmounts the field while the sibling holds a value (identity fields once a registry record is picked). */
function HiddenWhenSet({ sibling, children }: { sibling: Path; children: ReactNode }) {
  const form = Form.useFormInstance();
  const v: unknown = Form.useWatch(sibling, form);
  return v == null || v === '' ? children : null;
}

/**
 * An `x-confirm` field stays out of sight until the server names it (e.g. a possible duplicate) or it is
 * ticked; it stays mounted meanwhile, so the server's message has a field to land on.
 */
function ConfirmOnly({ abs, children }: { abs: Path; children: ReactNode }) {
  return (
    <Form.Item noStyle shouldUpdate={() => true}>
      {(form) => (
        <ConfirmBox shown={Boolean(form.getFieldValue(abs)) || form.getFieldError(abs).length > 0}>
          {children}
        </ConfirmBox>
      )}
    </Form.Item>
  );
}

/** Brings itself into view when it appears: the question it asks is the reason the form was not saved. */
function ConfirmBox({ shown, children }: { shown: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [shown]);
  return (
    <div ref={ref} className={shown ? 'schema-confirm' : undefined} hidden={!shown}>
      {children}
    </div>
  );
}

function SchemaField({
  name,
  schema: s,
  required,
  rel,
  abs,
  id,
  inList,
}: { name: string; schema: JsonSchema; required: boolean } & Place) {
  const { t } = useTranslation();
  const label = s.title ?? name;
  const kind = fieldKind(s);
  const message = t('form.required', { field: label });
  // Only text gets `whitespace`: any second key makes async-validator check the value's type as a string.
  const rules: Rule[] =
    !required || kind === 'boolean'
      ? []
      : kind === 'text' || kind === 'textarea'
        ? [{ required: true, whitespace: true, message }]
        : [{ required: true, message }];
  const item = { name: rel, label, extra: s.description, rules, preserve: inList || undefined };

  switch (kind) {
    case 'object':
      return (
        <Card size="small" type="inner" title={label} className="schema-group" data-testid={testId(id)}>
          {s.description && <div className="schema-help">{s.description}</div>}
          <SchemaFields schema={s} rel={rel} abs={abs} id={id} inList={inList} />
        </Card>
      );
    case 'objectList':
      return <ObjectList label={label} schema={s} rel={rel} abs={abs} id={id} />;
    case 'enumList': {
      const items = normalize(s.items ?? {});
      return (
        <Form.Item {...item}>
          <Select
            mode="multiple"
            allowClear
            options={(items.enum ?? []).map((v) => ({ value: v as string, label: enumLabel(items, v) }))}
            data-testid={testId(id)}
          />
        </Form.Item>
      );
    }
    case 'textList':
      return (
        <Form.Item {...item}>
          <Select mode="tags" open={false} tokenSeparators={['，', ',']} data-testid={testId(id)} />
        </Form.Item>
      );
    case 'enum': {
      const options = (s.enum ?? []).map((v) => ({ value: v as string, label: enumLabel(s, v) }));
      const style = enumStyle(s);
      if (style === 'buttons')
        return (
          <Form.Item {...item}>
            <Radio.Group optionType="button" buttonStyle="solid" options={options} data-testid={testId(id)} />
          </Form.Item>
        );
      if (style === 'list')
        return (
          <Form.Item {...item}>
            <Radio.Group
              orientation="vertical"
              options={options}
              className="schema-radio-list"
              data-testid={testId(id)}
            />
          </Form.Item>
        );
      return (
        <>
          <Form.Item {...item}>
            <Select
              allowClear={!required}
              placeholder={t('form.choose')}
              options={options}
              // x-widget: search (a long code list such as the decision types): typed letters filter the labels.
              showSearch={s['x-widget'] === 'search' ? { optionFilterProp: 'label' } : undefined}
              data-testid={testId(id)}
            />
          </Form.Item>
          {s['x-enumNotes'] && <ChoiceNote schema={s} path={abs} testId={testId(id)} />}
        </>
      );
    }
    case 'boolean':
      // A tick box reads as a statement ("涉及不动产"), so the title is its text rather than a label above.
      return (
        <Form.Item
          name={rel}
          extra={s.description}
          rules={rules}
          preserve={item.preserve}
          valuePropName="checked"
        >
          <Checkbox data-testid={testId(id)}>{label}</Checkbox>
        </Form.Item>
      );
    case 'integer':
    case 'number':
      return (
        <Form.Item {...item}>
          <InputNumber
            style={{ width: 200 }}
            min={s.minimum ?? s.exclusiveMinimum}
            max={s.maximum ?? s.exclusiveMaximum}
            precision={kind === 'integer' ? 0 : undefined}
            data-testid={testId(id)}
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item {...item} {...dateProps}>
          <DatePicker style={{ width: '100%', maxWidth: 240 }} data-testid={testId(id)} />
        </Form.Item>
      );
    case 'org':
      return (
        <Form.Item {...item}>
          <OrgSelect kinds={s['x-orgKinds']} testId={testId(id)} allowClear={!required} />
        </Form.Item>
      );
    case 'lookup':
      return (
        <Form.Item {...item}>
          <LookupSelect
            lookup={s['x-lookup']!}
            multiple={s.type === 'array'}
            parent={abs.slice(0, -1)}
            testId={testId(id)}
            allowClear={!required}
          />
        </Form.Item>
      );
    case 'party':
      return (
        <Form.Item {...item} extra={t('party.pickHelp')}>
          <PartyPick abs={abs} testId={testId(id)} />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item {...item}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 12 }}
            count={s.maxLength ? { show: true, max: s.maxLength } : undefined}
            data-testid={testId(id)}
          />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item {...item}>
          {/* The count turns red past the limit but does not block typing: the server's message says why. */}
          <Input
            count={s.maxLength ? { show: true, max: s.maxLength } : undefined}
            data-testid={testId(id)}
          />
        </Form.Item>
      );
  }
}

function OrgSelect({
  kinds,
  testId: tid,
  ...rest
}: {
  kinds?: string[];
  testId: string;
  allowClear: boolean;
  value?: number;
  onChange?: (v: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const { directory, wantDirectory } = useOrgs();
  useEffect(() => wantDirectory(), [wantDirectory]);
  const options = (directory ?? [])
    .filter((o) => !kinds?.length || kinds.includes(o.kind))
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Select
      {...rest}
      loading={directory === null}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('form.chooseOrg')}
      options={options}
      data-testid={tid}
    />
  );
}

function ObjectList({ label, schema: s, rel, abs, id }: { label: string; schema: JsonSchema } & Place) {
  const { t } = useTranslation();
  const items = normalize(s.items ?? {});
  const min = s.minItems ?? 0;
  const max = s.maxItems ?? Number.POSITIVE_INFINITY;
  const rules = [
    {
      validator: async (_: unknown, rows: unknown[] | undefined) => {
        if ((rows?.length ?? 0) < min) throw new Error(t('form.minItems', { field: label, count: min }));
      },
    },
  ];
  return (
    <Form.List name={rel} rules={rules}>
      {(fields, { add, remove }, { errors }) => (
        <div className="schema-list" data-testid={testId(id)}>
          <div className="schema-list-title">{label}</div>
          {s.description && <div className="schema-help">{s.description}</div>}
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              type="inner"
              className="schema-group"
              title={`${items.title ?? label} ${i + 1}`}
              extra={
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={fields.length <= min}
                  onClick={() => remove(f.name)}
                  data-testid={`${testId([...id, i])}-remove`}
                >
                  {t('common.remove')}
                </Button>
              }
            >
              <SchemaFields schema={items} rel={[f.name]} abs={[...abs, f.name]} id={[...id, i]} inList />
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < max && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add(newRow(s))}
              data-testid={`${testId(id)}-add`}
            >
              {t('form.addRow', { field: items.title ?? label })}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
