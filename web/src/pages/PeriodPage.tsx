// 期间计算器: (1) N working/calendar days or months from a start date → due date on the official holiday
// calendar; (2) a statutory rule + start date → due date with the article it rests on.
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Radio,
  Row,
  Select,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import { CitationLink, ProvisionalTag } from '../components/DeadlineBadge.tsx';
import type { PeriodResult, Rule, RuleDue } from '../kernel/types.ts';

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

function DueResult({ due, provisional, testId }: { due: string; provisional: boolean; testId: string }) {
  return (
    <span className="due-result">
      <span data-testid={testId}>{due}</span>
      {provisional && <ProvisionalTag />}
    </span>
  );
}

function PeriodCard() {
  const { t } = useTranslation();
  const [result, setResult] = useState<PeriodResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (v: { start: Dayjs; days: number; unit: string }) => {
    setBusy(true);
    try {
      setResult(
        await api.get<PeriodResult>('/api/calendar/period', {
          start: fmt(v.start),
          days: v.days,
          unit: v.unit,
        }),
      );
      setError(null);
    } catch (err) {
      setResult(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('period.title')}>
      <Form layout="vertical" initialValues={{ unit: 'working' }} onFinish={(v) => void run(v)}>
        <Form.Item
          name="start"
          label={t('period.start')}
          extra={t('period.startHelp')}
          rules={[{ required: true, message: t('form.required', { field: t('period.start') }) }]}
        >
          <DatePicker style={{ width: 200 }} data-testid="period-start" />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('period.count')}
          rules={[{ required: true, message: t('form.required', { field: t('period.count') }) }]}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: 200 }} data-testid="period-days" />
        </Form.Item>
        <Form.Item name="unit" label={t('period.unit')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'working', label: t('period.units.working') },
              { value: 'calendar', label: t('period.units.calendar') },
              { value: 'months', label: t('period.units.months') },
            ]}
            data-testid="period-unit"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="period-submit">
          {t('period.compute')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <Descriptions
          bordered
          size="small"
          column={1}
          style={{ marginTop: 16 }}
          styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
          items={[
            {
              key: 'due',
              label: t('period.due'),
              children: <DueResult due={result.due} provisional={result.provisional} testId="period-due" />,
            },
            { key: 'counted', label: t('period.counted'), children: result.counted },
          ]}
        />
      )}
    </Card>
  );
}

function RuleCard() {
  const { t } = useTranslation();
  const [rules, setRules] = useState<Rule[]>([]);
  const [ruleId, setRuleId] = useState<string | undefined>();
  const [start, setStart] = useState<Dayjs | null>(null);
  const [result, setResult] = useState<RuleDue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .get<Rule[]>('/api/rules')
      .then(setRules)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  // One entry per rule id: the version in force now names it; the server picks the version for the start date.
  const current = useMemo(() => {
    const byId = new Map<string, Rule>();
    for (const r of rules) {
      const seen = byId.get(r.id);
      if (!seen || (seen.inForceTo !== null && (r.inForceTo === null || r.inForceFrom > seen.inForceFrom)))
        byId.set(r.id, r);
    }
    return [...byId.values()];
  }, [rules]);
  const rule = current.find((r) => r.id === ruleId);

  const run = async () => {
    if (!ruleId || !start) return;
    setBusy(true);
    try {
      setResult(
        await api.get<RuleDue>(`/api/rules/${encodeURIComponent(ruleId)}/due`, { start: fmt(start) }),
      );
      setError(null);
    } catch (err) {
      setResult(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('period.ruleTitle')}>
      <Form layout="vertical">
        <Form.Item label={t('period.rule')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('period.rulePlaceholder')}
            value={ruleId}
            onChange={(v: string) => {
              setRuleId(v);
              setResult(null);
            }}
            options={current.map((r) => ({
              value: r.id,
              label: `${r.lineName} · ${r.event}（${r.kindLabel}）`,
            }))}
            data-testid="rule-select"
          />
        </Form.Item>
        {rule && (
          <div className="rule-basis">
            <CitationLink citation={rule.citation} verified={rule.verified} />
          </div>
        )}
        <Form.Item label={t('period.start')} extra={t('period.startHelp')}>
          <DatePicker value={start} onChange={setStart} style={{ width: 200 }} data-testid="rule-start" />
        </Form.Item>
        <Button
          type="primary"
          disabled={!ruleId || !start}
          loading={busy}
          onClick={() => void run()}
          data-testid="rule-submit"
        >
          {t('period.compute')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <Descriptions
          bordered
          size="small"
          column={1}
          style={{ marginTop: 16 }}
          styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
          items={[
            {
              key: 'due',
              label: t('period.due'),
              children: <DueResult due={result.due} provisional={result.provisional} testId="rule-due" />,
            },
            {
              key: 'period',
              label: t('period.rulePeriod'),
              children:
                result.count != null
                  ? t(`deadline.count.${result.unit}`, {
                      count: result.count,
                      defaultValue: `${result.count} ${result.unit}`,
                    })
                  : '—',
            },
            { key: 'kind', label: t('rules.kind'), children: result.kindLabel },
            {
              key: 'basis',
              label: t('deadline.basis'),
              children: <CitationLink citation={result.citation} verified={result.verified} />,
            },
            ...(result.onExpiry
              ? [{ key: 'expiry', label: t('rules.onExpiry'), children: result.onExpiry }]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

export default function PeriodPage() {
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <PeriodCard />
      </Col>
      <Col xs={24} lg={12}>
        <RuleCard />
      </Col>
    </Row>
  );
}
