import type { FastifyInstance } from 'fastify';

/**
 * The web client loads only its own scripts, styles, fonts and images; nothing may frame it. antd injects
 * <style> elements at run time (CSS-in-JS), hence 'unsafe-inline' for styles only — scripts stay strict.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The OpenAPI UI ships inline scripts of its own; it gets a policy of its own, still same-origin only. */
const DOCS_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers on every response. API answers carry records and personal data: `no-store`, so neither the browser's
 * cache nor a shared proxy keeps a copy after sign-out. HSTS is sent only over https, which the server sees
 * directly or through a trusted proxy's X-Forwarded-Proto (never on plain http, where it would be ignored and
 * would mislead).
 */
export function installSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    const url = req.url.split('?')[0]!;
    reply.header(
      'content-security-policy',
      url.startsWith('/api/docs') ? DOCS_POLICY : CONTENT_SECURITY_POLICY,
    );
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (url.startsWith('/api/') && !url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
