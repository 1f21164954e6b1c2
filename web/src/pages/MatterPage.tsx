// 案件详情: header (ref no, title, state, organisation, dates), the actions this user may take now (primary
// first), the line's own facts (parties, the contested act), deadlines with their legal basis, the timeline,
// issued documents and attachments.
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, errorMessage } from '../api.ts';
import { ActionModal } from '../components/ActionModal.tsx';
import { CorrectionModal } from '../components/CorrectionModal.tsx';
import { MatterDeadlines } from '../components/MatterDeadlines.tsx';
import { MatterDetails } from '../components/MatterDetails.tsx';
import { MatterAttachments, MatterDocuments } from '../components/MatterFiles.tsx';
import { MatterTimeline } from '../components/MatterTimeline.tsx';
import type { ActionDef, CorrectionOffer, MatterDetail } from '../kernel/types.ts';
import { useLines } from '../kernel/useLines.ts';

export default function MatterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const { id } = useParams();
  const lines = useLines();
  const [detail, setDetail] = useState<MatterDetail | null>(null);
  const [error, setError] = useState<{ status: number; text: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const [acting, setActing] = useState<{ name: string; def: ActionDef } | null>(null);
  const [offer, setOffer] = useState<CorrectionOffer['step']>(null);
  const [correcting, setCorrecting] = useState(false);
  // A restricted line's record (社区矫正) opens only for a stated purpose, which the server keeps in the audit.
  const [purpose, setPurpose] = useState<string | null>(null);
  const [purposeDraft, setPurposeDraft] = useState('');
  const [warnings, setWarnings] = useState<string[]>(
    () => (location.state as { warnings?: string[] } | null)?.warnings ?? [],
  );

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [d, o] = await Promise.all([
        api.get<MatterDetail>(`/api/matters/${id}`, purpose ? { purpose } : undefined),
        api.get<CorrectionOffer>(`/api/matters/${id}/correction`),
      ]);
      setDetail(d);
      setOffer(o.step);
      setError(null);
    } catch (err) {
      setError({ status: err instanceof ApiError ? err.status : 0, text: errorMessage(err) });
    } finally {
      setLoading(false);
    }
  }, [id, purpose]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !detail && error.status === 400 && !purpose) {
    return (
      <Card size="small" title={t('matter.purposeTitle')} data-testid="purpose-prompt">
        <Typography.Paragraph>{error.text}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <Input
            value={purposeDraft}
            maxLength={100}
            placeholder={t('matter.purposePlaceholder')}
            onChange={(e) => setPurposeDraft(e.target.value)}
            aria-label={t('matter.purposeTitle')}
          />
          <Button
            type="primary"
            disabled={purposeDraft.trim().length < 2}
            onClick={() => setPurpose(purposeDraft.trim())}
          >
            {t('matter.purposeOpen')}
          </Button>
        </Space.Compact>
      </Card>
    );
  }
  if (error && !detail) {
    return (
      <Result
        status={error.status === 404 ? '404' : 'error'}
        title={error.text}
        extra={<Button onClick={() => navigate('/matters')}>{t('matter.backToList')}</Button>}
      />
    );
  }
  if (!detail) return <Spin style={{ margin: 48 }} />;

  const { matter } = detail;
  const kind = lines.kindOf(matter.line, matter.kind);
  // Available steps first, the suggested next one leading; steps whose preconditions fail come last.
  const actions = [...detail.allowedActions].sort(
    (a, b) => Number(b.available) - Number(a.available) || Number(b.primary) - Number(a.primary),
  );

  return (
    <>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setWarnings([]) }}
          title={t('matter.createWarnings')}
          description={
            <ul className="plain-list">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          data-testid="create-warnings"
        />
      )}
      <Card
        size="small"
        title={
          <Space wrap>
            <Button
              type="text"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label={t('matter.backToList')}
            />
            <span data-testid="matter-refno">{matter.refNo}</span>
            <Tag color={matter.closedOn ? 'default' : 'processing'} data-testid="matter-state">
              {matter.stateLabel}
            </Tag>
          </Space>
        }
        extra={
          <Button size="small" icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>
            {t('common.refresh')}
          </Button>
        }
      >
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="matter-title">
          {matter.title}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'line', label: t('matters.line'), children: lines.lineLabel(matter.line) },
            { key: 'kind', label: t('matters.kind'), children: matter.kindLabel },
            { key: 'org', label: t('matters.ownerOrg'), children: matter.ownerOrgName },
            ...(matter.subjectOrgName
              ? [{ key: 'subject', label: t('matter.subjectOrg'), children: matter.subjectOrgName }]
              : []),
            { key: 'opened', label: t('matters.openedOn'), children: matter.openedOn },
            { key: 'closed', label: t('matter.closedOn'), children: matter.closedOn ?? t('matter.open') },
          ]}
        />
        <div className="matter-actions" data-testid="matter-actions">
          {actions.length === 0 ? (
            <Typography.Text type="secondary">{t('matter.noActions')}</Typography.Text>
          ) : (
            actions.map((a) => {
              const def = kind?.actions[a.action];
              if (!a.available)
                return (
                  // Not disabled: a clerk who wonders why the step is not possible can ask, on a phone too.
                  <Tooltip key={a.action} title={a.reason}>
                    <Button
                      type="dashed"
                      aria-disabled
                      className="action-unavailable"
                      onClick={() => void message.info(`${a.label}：${a.reason ?? ''}`)}
                      data-testid={`action-${a.action}`}
                      data-unavailable="true"
                    >
                      {a.label}
                    </Button>
                  </Tooltip>
                );
              return (
                <Button
                  key={a.action}
                  type={a.primary ? 'primary' : 'default'}
                  danger={def?.closes && !a.primary}
                  disabled={!def}
                  onClick={() => def && setActing({ name: a.action, def })}
                  data-testid={`action-${a.action}`}
                >
                  {a.label}
                </Button>
              );
            })
          )}
        </div>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <MatterDetails sections={detail.details ?? []} />
          <Card size="small" title={t('matter.deadlines')} style={{ marginBottom: 16 }}>
            <MatterDeadlines deadlines={detail.deadlines} />
          </Card>
          <Card size="small" title={t('matter.documents')} style={{ marginBottom: 16 }}>
            <MatterDocuments documents={detail.documents} />
          </Card>
          <Card size="small" title={t('matter.attachments')}>
            <MatterAttachments
              matterId={matter.id}
              attachments={detail.attachments}
              onUploaded={() => void load()}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('matter.timeline')}>
            <MatterTimeline
              kind={kind}
              events={detail.events}
              correctable={offer}
              onCorrect={() => setCorrecting(true)}
            />
          </Card>
        </Col>
      </Row>
      <ActionModal
        detail={detail}
        action={acting}
        onClose={() => setActing(null)}
        onReload={() => void load()}
      />
      <CorrectionModal
        detail={detail}
        step={correcting ? offer : null}
        onClose={() => setCorrecting(false)}
        onReload={() => void load()}
      />
    </>
  );
}
