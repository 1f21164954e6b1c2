// 文书与附件: issued documents (DOCX, and PDF when the server has LibreOffice) and uploaded attachments.
// Downloads go through fetch so a refusal shows the server's Chinese message instead of a raw error page.
import { DownloadOutlined, FilePdfOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { formatBytes } from '../kernel/dates.ts';
import type { Attachment, IssuedDocument } from '../kernel/types.ts';
import { formatShanghai } from './labels.ts';

/** Mirrors the server's list (src/kernel/workflow/files.ts); the server checks the bytes anyway. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.ofd,.doc,.xls';
const MAX_MB = 20;

function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, path: string, name: string) => {
    setBusy(key);
    try {
      await api.download(path, undefined, name);
    } catch (err) {
      void message.error(errorMessage(err), 6);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

export function MatterDocuments({ documents }: { documents: IssuedDocument[] }) {
  const { t } = useTranslation();
  const { busy, run } = useDownload();
  if (documents.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matter.noDocuments')} />;
  return (
    <List
      size="small"
      dataSource={documents}
      data-testid="matter-documents"
      renderItem={(d) => (
        <List.Item
          key={d.id}
          data-testid={`document-${d.kind}`}
          actions={[
            <Button
              key="docx"
              size="small"
              icon={<FileWordOutlined />}
              loading={busy === `docx-${d.id}`}
              onClick={() => void run(`docx-${d.id}`, `/api/documents/${d.id}/docx`, `${d.title}.docx`)}
              data-testid={`doc-docx-${d.id}`}
            >
              DOCX
            </Button>,
            <Button
              key="html"
              size="small"
              href={`/api/documents/${d.id}/html`}
              target="_blank"
              data-testid={`doc-html-${d.id}`}
            >
              {t('correction.preview')}
            </Button>,
            <Button
              key="pdf"
              size="small"
              icon={<FilePdfOutlined />}
              loading={busy === `pdf-${d.id}`}
              onClick={() => void run(`pdf-${d.id}`, `/api/documents/${d.id}/pdf`, `${d.title}.pdf`)}
              data-testid={`doc-pdf-${d.id}`}
            >
              PDF
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={
              d.voidedOn ? (
                <>
                  <Typography.Text delete>{d.title}</Typography.Text>
                  <Tag color="red" style={{ marginInlineStart: 8 }} data-testid={`doc-void-${d.id}`}>
                    {t('correction.voidedDoc')}
                  </Tag>
                </>
              ) : (
                d.title
              )
            }
            description={
              <>
                {t('matter.docMeta', { number: d.docNumber, date: d.issuedOn })}
                {d.voidedOn && (
                  <div className="muted">
                    {t('correction.voidedDocMeta', { date: d.voidedOn, reason: d.voidReason ?? '' })}
                  </div>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

export function MatterAttachments({
  matterId,
  attachments,
  onUploaded,
}: {
  matterId: number;
  attachments: Attachment[];
  onUploaded(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { busy, run } = useDownload();
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    if (file.size > MAX_MB * 1024 * 1024) {
      void message.error(t('matter.tooLarge', { max: MAX_MB }));
      return;
    }
    setUploading(true);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      await api.upload(`/api/matters/${matterId}/attachments`, body);
      void message.success(t('matter.uploaded', { name: file.name }));
      onUploaded();
    } catch (err) {
      void message.error(errorMessage(err), 8);
    } finally {
      setUploading(false);
    }
  };

  return (
    <>
      {can('matter.write') && (
        <Space style={{ marginBottom: 8 }} wrap>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false; // uploaded by hand above, so the server's problem+json message can be shown
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="attachment-upload">
              {t('matter.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('matter.uploadHint', { max: MAX_MB })}</Typography.Text>
        </Space>
      )}
      {attachments.length === 0 ? (
        <Empty description={t('matter.noAttachments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={attachments}
          data-testid="matter-attachments"
          renderItem={(a) => (
            <List.Item
              key={a.id}
              actions={[
                <Button
                  key="dl"
                  size="small"
                  type="link"
                  icon={<DownloadOutlined />}
                  loading={busy === `a-${a.id}`}
                  onClick={() => void run(`a-${a.id}`, `/api/attachments/${a.id}`, a.fileName)}
                  data-testid={`attachment-download-${a.id}`}
                >
                  {t('matter.download')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={a.fileName}
                description={`${formatBytes(a.sizeBytes)} · ${formatShanghai(a.uploadedAt)}`}
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
