// The plain-HTML sign-in form of index.html (web/login-shell.ts): the React page takes it away when it mounts.

export interface Carried {
  username: string;
  password: string;
  /** The field the visitor was typing in. */
  focus: 'username' | 'password' | null;
}

/** Removes the plain form, returning what was typed into it (null when there was none). */
export function takeLoginShell(): Carried | null {
  const shell = document.getElementById('login-shell');
  if (!shell) return null;
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? '';
  const active = document.activeElement?.id;
  const carried: Carried = {
    username: value('shell-username'),
    password: value('shell-password'),
    focus: active === 'shell-password' ? 'password' : active === 'shell-username' ? 'username' : null,
  };
  shell.remove();
  return carried;
}
