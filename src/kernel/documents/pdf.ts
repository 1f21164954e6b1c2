/**
 * DOCX → PDF through headless LibreOffice. Optional on a server: callers check pdfAvailable() and
 * otherwise offer the DOCX, so a missing LibreOffice is a typed, user-readable error, not a crash.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export class PdfUnavailableError extends Error {
  constructor() {
    super('服务器未安装 LibreOffice，暂不能生成 PDF；可下载 DOCX 文件');
    this.name = 'PdfUnavailableError';
  }
}

export class PdfConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfConversionError';
  }
}

export const PDF_TIMEOUT_MS = 60_000;

/** Maps the 公文 font names onto the free CJK fonts Debian ships (see the file's comments). */
export const FONTS_CONF = fileURLToPath(new URL('../../../reference/fonts.conf', import.meta.url));

let sofficePath: Promise<string | null> | undefined;

async function findOnPath(names: string[]): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return null;
}

/** Looked up once per process: installing LibreOffice needs a restart to take effect. */
function soffice(): Promise<string | null> {
  sofficePath ??= findOnPath(['soffice', 'libreoffice']);
  return sofficePath;
}

export async function pdfAvailable(): Promise<boolean> {
  return (await soffice()) !== null;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout can end soffice.bin along with the oosplash wrapper.
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new PdfConversionError(`LibreOffice 转换超时（${timeoutMs / 1000} 秒）`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new PdfConversionError(`LibreOffice 转换失败（退出码 ${code}）：${output.slice(0, 500)}`));
    });
  });
}

/**
 * Converts one DOCX. Each call gets a fresh temp dir holding both the files and its own LibreOffice
 * profile (UserInstallation): concurrent conversions sharing a profile block on its lock.
 */
export async function docxToPdf(docx: Buffer, timeoutMs = PDF_TIMEOUT_MS): Promise<Buffer> {
  const command = await soffice();
  if (!command) throw new PdfUnavailableError();
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-pdf-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [
      '--headless',
      '--norestore',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      `-env:UserInstallation=${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ];
    const env = { ...process.env, FONTCONFIG_FILE: FONTS_CONF };
    const log = await run(command, args, env, timeoutMs);
    try {
      return await readFile(join(dir, 'document.pdf'));
    } catch {
      // soffice exits 0 even when it could not load the file; its output says why.
      throw new PdfConversionError(`LibreOffice 未生成 PDF：${log.slice(0, 500)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
