/**
 * The sign-in form as plain HTML, written into index.html at build time (vite.config.ts) and served only to
 * visitors without a session cookie (src/platform/http/web-preload.ts strips it for the others). It shows with the
 * first paint, before the scripts have loaded and run (about 0.2 s instead of about 1 s on a modest machine); the
 * React page takes over when it mounts and carries over what was typed (web/src/auth/login-shell.ts). Without
 * scripts nothing can be sent from it: its button is not a submit button, and a form with two text fields is not
 * submitted by Enter. The texts are the Chinese interface's own (web/src/i18n/zh-CN.ts).
 */
import { zhCN } from './src/i18n/zh-CN.ts';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export const SHELL_START = '<!--login-shell-->';
export const SHELL_END = '<!--/login-shell-->';

export function loginShellHtml(): string {
  const s = zhCN;
  const title = s.app.title.replace('{{bureau}}', s.app.genericBureau);
  return `${SHELL_START}<div id="login-shell" class="login-bg">
<div class="login-head"><span class="app-emblem" style="width:48px;height:48px;font-size:28px">${esc(s.app.emblem)}</span>
<h1>${esc(title)}</h1><div style="opacity:.9">${esc(s.app.loginSubtitle)}</div></div>
<form class="shell-card" method="post" action="/login" autocomplete="on">
<div class="shell-title" elementtiming="sign-in-form">${esc(s.login.title)}</div>
<label class="shell-label" for="shell-username">${esc(s.login.username)}</label>
<input class="shell-input" id="shell-username" name="username" autocomplete="username" maxlength="64" autofocus data-testid="login-username">
<label class="shell-label" for="shell-password">${esc(s.login.password)}</label>
<input class="shell-input" id="shell-password" name="password" type="password" autocomplete="current-password" maxlength="256" data-testid="login-password">
<button class="shell-button" type="button" disabled>${esc(s.login.submit)}</button>
</form>
<div class="shell-note">${esc(s.app.copyright)}</div>
</div>${SHELL_END}`;
}
