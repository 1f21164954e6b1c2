/**
 * Coded errors, mapped to RFC 9457 problem+json in one place (the app's error handler).
 * Domain code throws `new AppError('MATTER_ACTION_NOT_ALLOWED', …)`; no handler builds a response by hand.
 */
export interface FieldError {
  field: string;
  message: string;
}

const catalogue = {
  VALIDATION: { status: 400, title: '输入有误' },
  BAD_REQUEST: { status: 400, title: '请求无效' },
  UNAUTHENTICATED: { status: 401, title: '请先登录' },
  SESSION_EXPIRED: { status: 401, title: '登录已过期' },
  BAD_CREDENTIALS: { status: 401, title: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, title: '账户已锁定' },
  ACCOUNT_DISABLED: { status: 403, title: '账户已停用' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: '需要修改密码' },
  CSRF: { status: 403, title: '请求来源校验失败' },
  FORBIDDEN: { status: 403, title: '没有权限' },
  NOT_FOUND: { status: 404, title: '未找到' },
  CONFLICT: { status: 409, title: '操作冲突' },
  VERSION_CONFLICT: { status: 409, title: '记录已被他人修改' },
  ACTION_NOT_ALLOWED: { status: 409, title: '当前状态下不能执行该操作' },
  IDEMPOTENCY_MISMATCH: { status: 422, title: '幂等键已用于另一请求' },
  UNSUPPORTED_MEDIA: { status: 415, title: '不支持的内容类型' },
  TOO_LARGE: { status: 413, title: '内容过大' },
  RATE_LIMITED: { status: 429, title: '请求过于频繁' },
  UNAVAILABLE: { status: 503, title: '服务暂不可用' },
  INTERNAL: { status: 500, title: '服务器内部错误' },
} as const;

export type ErrorCode = keyof typeof catalogue;

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; [k: string]: unknown } = {},
  ) {
    super(detail ?? catalogue[code].title);
    this.status = catalogue[code].status;
    this.title = catalogue[code].title;
  }
}

export function problem(code: ErrorCode, detail?: string, extra?: AppError['extra']) {
  return new AppError(code, detail, extra);
}

export function toProblemBody(err: AppError, instance: string) {
  return {
    type: `https://fazhi.example/problems/${err.code.toLowerCase().replaceAll('_', '-')}`,
    title: err.title,
    status: err.status,
    detail: err.detail ?? err.title,
    instance,
    code: err.code,
    ...err.extra,
  };
}
